package cc.monitoring.monitor.domain;

public final class SessionNotFoundException extends MonitoringRefusedException {
    public static final String TYPE = "session-not-found";

    /** The id is not echoed: the answer tells nothing about a session that is not the caller's (B07). */
    public SessionNotFoundException(String sessionId) {
        super(Kind.NOT_FOUND, TYPE, "No such session", "No such monitoring session of yours");
    }
}
