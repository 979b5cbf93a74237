package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.EventTypes;

/**
 * What a monitoring-events record says about whether its session is live (B35): from monitor-requested (or
 * monitor-joined) on, the supervisor monitors the interaction; monitor-ended ends that for good. Mode changes
 * and refusals say nothing new about liveness.
 */
public enum SessionLiveness {
    LIVE, OVER, UNCHANGED;

    public static SessionLiveness after(String eventType) {
        if (EventTypes.MONITOR_REQUESTED.equals(eventType) || EventTypes.MONITOR_JOINED.equals(eventType)) {
            return LIVE;
        }
        if (EventTypes.MONITOR_ENDED.equals(eventType)) {
            return OVER;
        }
        return UNCHANGED;
    }

    /**
     * The state to keep for a session after this event, given the one kept so far ({@code null}: none yet; the
     * answer is {@code null} when there still is nothing to keep). Over is final: a record that arrives late
     * never revives an ended session.
     */
    public SessionLiveness keptAfter(SessionLiveness kept) {
        if (kept == OVER || this == UNCHANGED) {
            return kept;
        }
        return this;
    }
}
