package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A monitoring session and its state machine. Immutable: every transition returns the next
 * session, or refuses with a domain exception and changes nothing.
 *
 * <pre>
 * voice:   DIALING --leg connected--> ACTIVE(SILENT) <--> BARGED / COACHING   (as the provider confirmed, B29)
 *          DIALING --dial failed----> ENDED(DIAL_FAILED)
 *          DIALING --too long-------> ENDED(DIAL_TIMEOUT)                     (B27)
 * digital: ACTIVE (read-only, no mode)
 * any non-ended --end(reason)--> ENDED(reason)
 * </pre>
 *
 * {@code mode} is the mode the telephony provider confirmed; barge, mute and coach only ask for a
 * mode ({@code pending}) until the provider confirms it ({@link #modeConfirmed}) or refuses it
 * ({@link #modeRefused}, remembered as {@code lastRefusal}). {@code callId} is the call a voice
 * session's leg joins (null for digital sessions); {@link SessionAction} names each action's event and
 * leg mode.
 */
public record Session(
        String id,
        String tenantId,
        String interactionId,
        Channel channel,
        String supervisorId,
        String supervisorName,
        Extension extension,
        SessionState state,
        SessionMode mode,
        EndReason endReason,
        String endDetail,
        Instant requestedAt,
        Instant joinedAt,
        Instant endedAt,
        ModeChange pending,
        ModeChange lastRefusal,
        String callId) {

    public Session {
        Objects.requireNonNull(id);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(state);
    }

    /** A voice monitor dials the chosen extension first; it joins muted (B21). */
    public static Session requestVoice(String id, Supervisor supervisor, Interaction interaction, Extension extension,
                                       Instant now) {
        return new Session(id, supervisor.tenantId(), interaction.interactionId(), Channel.VOICE, supervisor.userId(),
                supervisor.displayName(), extension, SessionState.DIALING, null, null, null, now, null, null, null, null,
                interaction.callId());
    }

    /** A digital monitor reads the transcript at once: no extension, ACTIVE immediately (B33). */
    public static Session startDigital(String id, Supervisor supervisor, Interaction interaction, Instant now) {
        return new Session(id, supervisor.tenantId(), interaction.interactionId(), interaction.channel(),
                supervisor.userId(), supervisor.displayName(), null, SessionState.ACTIVE, null, null, null, now, now, null,
                null, null, null);
    }

    public boolean isVoice() {
        return channel == Channel.VOICE;
    }

    public boolean isEnded() {
        return state == SessionState.ENDED;
    }

    public boolean isActiveVoice() {
        return isVoice() && state == SessionState.ACTIVE;
    }

    /** B27: still dialing {@code timeout} after it was requested. */
    public boolean dialTimedOut(Instant now, Duration timeout) {
        return state == SessionState.DIALING && !requestedAt.plus(timeout).isAfter(now);
    }

    /** The monitor leg answered: the session is ACTIVE and muted. */
    public Session legConnected(Instant now) {
        if (state != SessionState.DIALING) {
            throw new SessionNotActiveException(id, state);
        }
        return new Session(id, tenantId, interactionId, channel, supervisorId, supervisorName, extension,
                SessionState.ACTIVE, SessionMode.SILENT, null, null, requestedAt, now, null, null, null, callId);
    }

    /** Asks for unmute: agent and customer will hear the supervisor (B23); needs BARGE_ALL_CALLS (B02). */
    public Session barge(Supervisor who, Instant now) {
        requireActiveVoice();
        if (!who.may(PermissionNames.BARGE_ALL_CALLS)) {
            throw new BargeNotPermittedException();
        }
        return ask(SessionMode.BARGED, null, now);
    }

    /** Asks to return to silent monitoring (B23). */
    public Session mute(Instant now) {
        requireActiveVoice();
        return ask(SessionMode.SILENT, null, now);
    }

    /** Asks to whisper to the agent only (B50); needs COACH_CALLS. */
    public Session coach(Supervisor who, Instant now) {
        requireActiveVoice();
        if (!who.may(PermissionNames.COACH_CALLS)) {
            throw new CoachNotPermittedException();
        }
        return ask(SessionMode.COACHING, null, now);
    }

    /**
     * B28: the mode the supervisor may no longer use with {@code permissions}, confirmed or asked
     * for, or null when the session may stay as it is.
     */
    public SessionMode modeNoLongerPermitted(java.util.Collection<String> permissions) {
        if (!isActiveVoice()) {
            return null;
        }
        for (SessionMode used : new SessionMode[]{mode, pending == null ? null : pending.mode()}) {
            if (used == SessionMode.BARGED && !permissions.contains(PermissionNames.BARGE_ALL_CALLS)) {
                return used;
            }
            if (used == SessionMode.COACHING && !permissions.contains(PermissionNames.COACH_CALLS)) {
                return used;
            }
        }
        return null;
    }

    /** B28: the system asks to mute the leg again, e.g. because a permission was revoked ({@code why}). */
    public Session forceMute(String why, Instant now) {
        requireActiveVoice();
        return ask(SessionMode.SILENT, Objects.requireNonNull(why), now);
    }

    /**
     * B29: the provider confirmed that the leg is in {@code confirmed} now. A pending request for
     * that mode is fulfilled; a request for another mode stays pending (its answer is still to come).
     * A session that is not an active voice session does not change.
     */
    public Session modeConfirmed(SessionMode confirmed) {
        if (!isActiveVoice() || confirmed == null) {
            return this;
        }
        ModeChange stillPending = pending != null && pending.mode() != confirmed ? pending : null;
        return withMode(confirmed, stillPending, lastRefusal);
    }

    /**
     * B29: the provider refused the pending change; the leg keeps {@code kept} (null: unknown, the
     * confirmed mode stays). The refusal is remembered so the supervisor can be told why.
     */
    public Session modeRefused(SessionMode kept, String reason, Instant now) {
        if (!isActiveVoice()) {
            return this;
        }
        SessionMode asked = pending != null ? pending.mode() : null;
        return withMode(kept != null ? kept : mode, null, new ModeChange(asked, reason == null ? "UNKNOWN" : reason, now));
    }

    /** Why the session ends when its supervisor ends it: hangs up the leg (voice, B24) or ends monitoring (digital, B33). */
    public EndReason endReasonBySupervisor() {
        return isVoice() ? EndReason.SUPERVISOR_HUNG_UP : EndReason.SUPERVISOR_ENDED;
    }

    /** Ends the session for a reason; ending an ended session changes nothing. */
    public Session end(EndReason reason, String detail, Instant now) {
        if (isEnded()) {
            return this;
        }
        return new Session(id, tenantId, interactionId, channel, supervisorId, supervisorName, extension,
                SessionState.ENDED, null, reason, detail, requestedAt, joinedAt, now, null, lastRefusal, callId);
    }

    private void requireActiveVoice() {
        if (!isVoice()) {
            throw new NotVoiceException(channel);
        }
        if (state != SessionState.ACTIVE) {
            throw new SessionNotActiveException(id, state);
        }
    }

    /** Asking for the confirmed mode with nothing pending, or for the mode already pending, changes nothing. */
    private Session ask(SessionMode next, String why, Instant now) {
        if (pending == null ? mode == next : pending.mode() == next && Objects.equals(pending.reason(), why)) {
            return this;
        }
        return withMode(mode, new ModeChange(next, why, now), null);
    }

    private Session withMode(SessionMode nextMode, ModeChange nextPending, ModeChange refusal) {
        return new Session(id, tenantId, interactionId, channel, supervisorId, supervisorName, extension, state,
                nextMode, endReason, endDetail, requestedAt, joinedAt, endedAt, nextPending, refusal, callId);
    }
}
