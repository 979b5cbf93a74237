package cc.monitoring.monitor.domain;

public final class AlreadyMonitoringException extends MonitoringRefusedException {
    public static final String TYPE = "already-monitoring";

    public AlreadyMonitoringException(String sessionId) {
        super(Kind.CONFLICT, TYPE, "Already monitoring", "You already monitor this interaction in session " + sessionId);
    }
}
