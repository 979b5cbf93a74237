package cc.monitoring.contracts.monitoring;

/**
 * A monitoring session's state after a monitoring event: {@code DIALING → ACTIVE → ENDED}; digital
 * sessions start ACTIVE. ENDED is final.
 *
 * <p>Unknown values on the wire are rejected: a consumer cannot apply a state it does not know, so such a
 * record is malformed and goes to the dead-letter topic (see {@link cc.monitoring.contracts.EventJson}).
 */
public enum SessionState {
    DIALING, ACTIVE, ENDED
}
