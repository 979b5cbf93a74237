package cc.monitoring.telephony.domain;

public enum CallState {
    ACTIVE, ENDED
}
