package cc.monitoring.contracts.monitoring;

/** How an ACTIVE voice monitor takes part in the call. */
public enum SessionMode {
    /** Muted: agent and customer are not aware (the default, B21). */
    SILENT,
    /** Heard by agent and customer (B23). */
    BARGED,
    /** Heard by the agent only (B50). */
    COACHING
}
