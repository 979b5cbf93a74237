package cc.monitoring.interaction.domain;

/** {@code ACTIVE → ENDED}; ended is final. */
public enum InteractionState {
    ACTIVE, ENDED
}
