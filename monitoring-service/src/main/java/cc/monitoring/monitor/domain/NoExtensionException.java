package cc.monitoring.monitor.domain;

public final class NoExtensionException extends MonitoringRefusedException {
    public static final String TYPE = "no-extension";

    public NoExtensionException() {
        super(Kind.CONFLICT, TYPE, "No extension", "You have no extension to take a monitor leg on; ask your administrator to add one");
    }
}
