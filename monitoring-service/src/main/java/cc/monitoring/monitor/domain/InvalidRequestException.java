package cc.monitoring.monitor.domain;

public final class InvalidRequestException extends MonitoringRefusedException {
    public static final String TYPE = "invalid-request";

    public InvalidRequestException(String detail) {
        super(Kind.INVALID, TYPE, "Invalid request", detail);
    }
}
