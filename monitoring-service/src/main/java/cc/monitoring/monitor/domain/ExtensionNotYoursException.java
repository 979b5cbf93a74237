package cc.monitoring.monitor.domain;

public final class ExtensionNotYoursException extends MonitoringRefusedException {
    public static final String TYPE = "extension-not-yours";

    public ExtensionNotYoursException(String address) {
        super(Kind.INVALID, TYPE, "Not your extension", address == null
                ? "Choose one of your extensions (its address) to take the monitor leg on"
                : "Extension " + address + " is not one of your extensions");
    }
}
