package cc.monitoring.transcript.domain;

import cc.monitoring.contracts.EventTypes;

import java.util.Set;

/**
 * A monitoring session as monitoring-events report it. A digital session is ACTIVE from
 * monitor-requested on; a voice one once its leg answered; monitor-ended ends it for good.
 */
public enum SessionState {
    DIALING, ACTIVE, ENDED;

    private static final Set<String> SESSION_EVENTS = Set.of(EventTypes.MONITOR_REQUESTED, EventTypes.MONITOR_JOINED,
            EventTypes.MONITOR_BARGED, EventTypes.MONITOR_MUTED, EventTypes.MONITOR_COACHING, EventTypes.MONITOR_ENDED);

    public static boolean isSessionEvent(String eventType) {
        return SESSION_EVENTS.contains(eventType);
    }

    /**
     * The state after an event of {@code eventType} that reports {@code reported}.
     *
     * @throws IllegalArgumentException if the event names no state this service knows (a poison record)
     */
    public static SessionState after(String eventType, String reported) {
        if (EventTypes.MONITOR_ENDED.equals(eventType)) {
            return ENDED;
        }
        if (reported == null) {
            throw new IllegalArgumentException(eventType + " without a state");
        }
        try {
            return valueOf(reported.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(eventType + " with an unknown state " + reported);
        }
    }

    public boolean grantsReading() {
        return this == ACTIVE;
    }
}
