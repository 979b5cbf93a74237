package cc.monitoring.telephony.provider.simulated;

import java.util.Locale;
import java.util.Optional;

/**
 * Behaviours by convention, so that a demo can show them without injecting anything: an extension
 * address (case-insensitive) containing {@code busy} is busy, {@code noanswer} or {@code no-answer}
 * rings until the no-answer timeout, {@code unknown} or {@code invalid} does not exist,
 * {@code ringforever} or {@code ring-forever} rings until hung up (B27 demos), {@code refusemode} or
 * {@code refuse-mode} answers but refuses every mode change (B29 demos).
 */
public final class FailureConventions {

    private FailureConventions() {
    }

    public static Optional<SimulatedBehaviour> of(String address) {
        String a = address == null ? "" : address.toLowerCase(Locale.ROOT);
        if (a.isBlank() || a.contains("unknown") || a.contains("invalid")) {
            return Optional.of(SimulatedBehaviour.UNKNOWN_EXTENSION);
        }
        if (a.contains("ringforever") || a.contains("ring-forever")) {
            return Optional.of(SimulatedBehaviour.RING_FOREVER);
        }
        if (a.contains("refusemode") || a.contains("refuse-mode")) {
            return Optional.of(SimulatedBehaviour.REFUSE_MODE_CHANGE);
        }
        if (a.contains("noanswer") || a.contains("no-answer")) {
            return Optional.of(SimulatedBehaviour.NO_ANSWER);
        }
        if (a.contains("busy")) {
            return Optional.of(SimulatedBehaviour.BUSY);
        }
        return Optional.empty();
    }
}
