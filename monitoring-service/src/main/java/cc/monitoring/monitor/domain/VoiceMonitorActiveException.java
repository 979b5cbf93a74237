package cc.monitoring.monitor.domain;

import java.util.Map;

/** B22: one active voice monitoring session per supervisor; names the session that is active. */
public final class VoiceMonitorActiveException extends MonitoringRefusedException {
    public static final String TYPE = "voice-monitor-active";

    private final String activeSessionId;
    private final String activeInteractionId;

    public VoiceMonitorActiveException(String activeSessionId, String activeInteractionId) {
        super(Kind.CONFLICT, TYPE, "Already monitoring a call",
                "You already monitor call " + activeInteractionId + " in session " + activeSessionId
                        + "; hang up there first");
        this.activeSessionId = activeSessionId;
        this.activeInteractionId = activeInteractionId;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("activeSessionId", activeSessionId, "activeInteractionId", activeInteractionId);
    }
}
