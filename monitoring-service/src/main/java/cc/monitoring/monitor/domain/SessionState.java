package cc.monitoring.monitor.domain;

/** {@code DIALING → ACTIVE → ENDED}; digital sessions start ACTIVE. ENDED is final. */
public enum SessionState {
    DIALING, ACTIVE, ENDED
}
