package cc.monitoring.monitor.domain;

public final class NotDigitalException extends MonitoringRefusedException {
    public static final String TYPE = "not-digital";

    public NotDigitalException() {
        super(Kind.INVALID, TYPE, "Not a digital interaction", "A voice call has no transcript to review");
    }
}
