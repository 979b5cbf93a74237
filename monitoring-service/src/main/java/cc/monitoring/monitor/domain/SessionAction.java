package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.telephony.LegMode;

import java.time.Instant;

/**
 * The one table from what happens to a session to its transition, the event that announces it on
 * {@code monitoring-events} and, for the modes of a voice leg, the session mode and the telephony leg
 * mode that carry it (B23, B29, B50). The audit trail names each action the same way (B40).
 *
 * <pre>
 * action  transition                    event              mode      leg mode
 * START   requestVoice / startDigital   monitor-requested  -         -
 * JOIN    legConnected (digital: start) monitor-joined     -         -
 * MUTE    mute                          monitor-muted      SILENT    MUTED
 * BARGE   barge (BARGE_ALL_CALLS, B02)  barge              BARGED    UNMUTED
 * COACH   coach (COACH_CALLS, B50)      coach              COACHING  COACHING
 * END     end(reason)                   monitor-ended      -         -   (by the supervisor: endReasonBySupervisor)
 * </pre>
 */
public enum SessionAction {
    START(EventTypes.MONITOR_REQUESTED, null, null),
    JOIN(EventTypes.MONITOR_JOINED, null, null),
    MUTE(EventTypes.MONITOR_MUTED, SessionMode.SILENT, LegMode.MUTED),
    BARGE(EventTypes.MONITOR_BARGED, SessionMode.BARGED, LegMode.UNMUTED),
    COACH(EventTypes.MONITOR_COACHING, SessionMode.COACHING, LegMode.COACHING),
    END(EventTypes.MONITOR_ENDED, null, null);

    private final String eventType;
    private final SessionMode mode;
    private final LegMode legMode;

    SessionAction(String eventType, SessionMode mode, LegMode legMode) {
        this.eventType = eventType;
        this.mode = mode;
        this.legMode = legMode;
    }

    /** The type of the monitoring event that announces the action once it is done. */
    public String eventType() {
        return eventType;
    }

    /** The session mode the action asks for; null for actions that are not a mode. */
    public SessionMode mode() {
        return mode;
    }

    /** The telephony leg mode that carries {@link #mode()}; null for actions that are not a mode. */
    public LegMode legMode() {
        return legMode;
    }

    /**
     * What the supervisor's request for this mode does to {@code session}: the session that asks the
     * provider for it (B29), the session unchanged when nothing is to ask, or a refusal (B02, B50).
     */
    public Session ask(Session session, Supervisor supervisor, Instant now) {
        return switch (this) {
            case MUTE -> session.mute(now);
            case BARGE -> session.barge(supervisor, now);
            case COACH -> session.coach(supervisor, now);
            case START, JOIN, END -> throw new IllegalArgumentException(this + " is not a mode");
        };
    }

    /** The mode action for a session mode; MUTE when the mode is unknown. */
    public static SessionAction of(SessionMode mode) {
        if (mode == null) {
            return MUTE;
        }
        return switch (mode) {
            case SILENT -> MUTE;
            case BARGED -> BARGE;
            case COACHING -> COACH;
        };
    }

    /** The mode action a telephony leg mode stands for. */
    public static SessionAction of(LegMode leg) {
        return switch (leg) {
            case MUTED -> MUTE;
            case UNMUTED -> BARGE;
            case COACHING -> COACH;
        };
    }
}
