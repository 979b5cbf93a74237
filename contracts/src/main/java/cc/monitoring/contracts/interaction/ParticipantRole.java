package cc.monitoring.contracts.interaction;

public enum ParticipantRole {
    AGENT, CUSTOMER
}
