package cc.monitoring.telephony.domain;

import cc.monitoring.contracts.telephony.LegMode;

import java.util.Objects;
import java.util.Optional;

/**
 * The state machine of a monitor leg. Each happening reported by the provider either moves the leg
 * on (a new status, to be recorded and announced) or does not apply (empty: late or repeated
 * reports are ignored, never an error).
 *
 * @param mode   while CONNECTED: what the call hears from the monitor; null otherwise
 * @param reason for FAILED and ENDED: a {@link LegFailure} or {@link LegEndReason} name
 */
public record LegStatus(LegState state, LegMode mode, String reason) {

    public LegStatus {
        Objects.requireNonNull(state, "state");
    }

    /** A leg being dialed. It has no mode until it answers. */
    public static LegStatus ringing() {
        return new LegStatus(LegState.RINGING, null, null);
    }

    /** A dial that failed before it reached the provider (e.g. no such call). */
    public static LegStatus failedAtOnce(LegFailure failure) {
        return new LegStatus(LegState.FAILED, null, failure.name());
    }

    /** The extension answered: the leg joins the conference muted, always (B21). */
    public Optional<LegStatus> answered() {
        return state == LegState.RINGING ? Optional.of(new LegStatus(LegState.CONNECTED, LegMode.MUTED, null))
                : Optional.empty();
    }

    /** Dialing failed (B26); only a ringing leg can fail. */
    public Optional<LegStatus> failed(LegFailure failure) {
        Objects.requireNonNull(failure, "failure");
        return state == LegState.RINGING ? Optional.of(failedAtOnce(failure)) : Optional.empty();
    }

    /** Muted, unmuted (barge, B23) or coaching (B50); only a connected leg has a mode. */
    public Optional<LegStatus> modeChanged(LegMode newMode) {
        Objects.requireNonNull(newMode, "mode");
        return state == LegState.CONNECTED ? Optional.of(new LegStatus(LegState.CONNECTED, newMode, null))
                : Optional.empty();
    }

    /** The leg is gone: hung up (cancelled while ringing) or its call ended. */
    public Optional<LegStatus> ended(LegEndReason why) {
        Objects.requireNonNull(why, "reason");
        return state.isOpen() ? Optional.of(new LegStatus(LegState.ENDED, null, why.name())) : Optional.empty();
    }

    public boolean isOpen() {
        return state.isOpen();
    }
}
