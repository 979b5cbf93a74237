package cc.monitoring.telephony.provider.simulated;

import cc.monitoring.telephony.domain.LegFailure;

import java.util.Optional;

/**
 * How a dialed extension behaves in the simulated network when it does not simply ring for the answer
 * delay and answer. Injected per tenant and address ({@link SimulatedNetwork#inject}), or chosen by the
 * demo conventions on the address ({@link FailureConventions}).
 */
public enum SimulatedBehaviour {
    /** Rings for the answer delay, then the dial fails BUSY. */
    BUSY,
    /** Rings for the no-answer timeout, then the dial fails NO_ANSWER. */
    NO_ANSWER,
    /** Fails UNKNOWN_EXTENSION almost at once. */
    UNKNOWN_EXTENSION,
    /**
     * Rings until it is hung up, the call ends, or {@link SimulatedNetwork#answerNow} picks it up: no timer
     * decides, so a test (or a dial-timeout demo, B27) never races one.
     */
    RING_FOREVER,
    /** Answers normally, but the provider refuses every mode change of the leg (B29). */
    REFUSE_MODE_CHANGE,
    /**
     * The provider call that dials this extension does not return until the behaviour is removed (or
     * {@link SimulatedNetwork#HOLD_LIMIT} passed: then it fails retryably, like a timeout). Holds the gateway's
     * command worker between taking a dial and the provider having it, e.g. to kill the gateway there (B29).
     */
    HOLD,
    /** Every provider call about a leg of this extension fails retryably, as when the provider is unavailable (B29). */
    PROVIDER_UNAVAILABLE,
    /** Every provider call about a leg of this extension is refused by the provider, not to be retried (B29). */
    PROVIDER_REFUSES;

    /** The dial failure this behaviour ends in, if it is one. */
    public Optional<LegFailure> failure() {
        return switch (this) {
            case BUSY -> Optional.of(LegFailure.BUSY);
            case NO_ANSWER -> Optional.of(LegFailure.NO_ANSWER);
            case UNKNOWN_EXTENSION -> Optional.of(LegFailure.UNKNOWN_EXTENSION);
            case RING_FOREVER, REFUSE_MODE_CHANGE, HOLD, PROVIDER_UNAVAILABLE, PROVIDER_REFUSES -> Optional.empty();
        };
    }
}
