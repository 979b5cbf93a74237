package cc.monitoring.telephony.domain;

/** Where a durable provider command stands: PENDING until the provider accepted it (DONE) or it was given up (FAILED). */
public enum ProviderCommandState {
    PENDING, DONE, FAILED
}
