package cc.monitoring.telephony.domain;

/** Who ended a call. Only the call's own parties (or the platform) can: never a monitor (B24). */
public enum EndedBy {
    AGENT, CUSTOMER, SYSTEM
}
