package cc.monitoring.contracts.monitoring;

public enum EndReason {
    SUPERVISOR_HUNG_UP, SUPERVISOR_ENDED, INTERACTION_ENDED, DIAL_FAILED, PERMISSION_REVOKED
}
