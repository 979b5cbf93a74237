package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.monitoring.SessionMode;

import java.time.Instant;

/**
 * A mode the session asked the telephony provider for (pending), or one the provider refused (B29).
 *
 * @param mode   the mode asked for
 * @param reason pending: why the system asked on its own (e.g. a revoked permission, B28), null when
 *               the supervisor asked; refusal: why the provider refused (e.g. {@code LEG_NOT_CONNECTED})
 */
public record ModeChange(SessionMode mode, String reason, Instant at) {

    /** Asked by the system rather than by the supervisor. */
    public boolean bySystem() {
        return reason != null;
    }
}
