package cc.monitoring.telephony.provider.simulated;

import cc.monitoring.telephony.domain.LegFailure;

import java.util.Locale;
import java.util.Optional;

/**
 * Failures by convention, so that a demo can show them without injecting anything: an extension
 * address (case-insensitive) containing {@code busy} is busy, {@code noanswer} or {@code no-answer}
 * rings until the no-answer timeout, {@code unknown} or {@code invalid} does not exist.
 */
public final class FailureConventions {

    private FailureConventions() {
    }

    public static Optional<LegFailure> of(String address) {
        String a = address == null ? "" : address.toLowerCase(Locale.ROOT);
        if (a.isBlank() || a.contains("unknown") || a.contains("invalid")) {
            return Optional.of(LegFailure.UNKNOWN_EXTENSION);
        }
        if (a.contains("noanswer") || a.contains("no-answer")) {
            return Optional.of(LegFailure.NO_ANSWER);
        }
        if (a.contains("busy")) {
            return Optional.of(LegFailure.BUSY);
        }
        return Optional.empty();
    }
}
