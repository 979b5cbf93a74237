package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.monitoring.SessionState;

public final class SessionNotActiveException extends MonitoringRefusedException {
    public static final String TYPE = "session-not-active";

    public SessionNotActiveException(String sessionId, SessionState state) {
        super(Kind.CONFLICT, TYPE, "Session not active", "Session " + sessionId + " is " + state);
    }
}
