package cc.monitoring.monitor.domain;

public final class SessionNotFoundException extends MonitoringRefusedException {
    public static final String TYPE = "session-not-found";

    public SessionNotFoundException(String sessionId) {
        super(Kind.NOT_FOUND, TYPE, "No such session", "No monitoring session " + sessionId + " of yours");
    }
}
