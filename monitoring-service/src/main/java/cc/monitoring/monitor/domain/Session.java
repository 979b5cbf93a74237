package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;

import java.time.Instant;
import java.util.Objects;

/**
 * A monitoring session and its state machine. Immutable: every transition returns the next
 * session, or refuses with a domain exception and changes nothing.
 *
 * <pre>
 * voice:   DIALING --leg connected--> ACTIVE(SILENT) <--> BARGED / COACHING
 *          DIALING --dial failed----> ENDED(DIAL_FAILED)
 * digital: ACTIVE (read-only, no mode)
 * any non-ended --end(reason)--> ENDED(reason)
 * </pre>
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
        Instant endedAt) {

    public Session {
        Objects.requireNonNull(id);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(state);
    }

    /** A voice monitor dials the chosen extension first; it joins muted (B21). */
    public static Session requestVoice(String id, Supervisor supervisor, Interaction interaction, Extension extension,
                                       Instant now) {
        return new Session(id, supervisor.tenantId(), interaction.interactionId(), Channel.VOICE, supervisor.userId(),
                supervisor.displayName(), extension, SessionState.DIALING, null, null, null, now, null, null);
    }

    /** A digital monitor reads the transcript at once: no extension, ACTIVE immediately (B33). */
    public static Session startDigital(String id, Supervisor supervisor, Interaction interaction, Instant now) {
        return new Session(id, supervisor.tenantId(), interaction.interactionId(), interaction.channel(),
                supervisor.userId(), supervisor.displayName(), null, SessionState.ACTIVE, null, null, null, now, now, null);
    }

    public boolean isVoice() {
        return channel == Channel.VOICE;
    }

    public boolean isEnded() {
        return state == SessionState.ENDED;
    }

    /** The monitor leg answered: the session is ACTIVE and muted. */
    public Session legConnected(Instant now) {
        if (state != SessionState.DIALING) {
            throw new SessionNotActiveException(id, state);
        }
        return with(SessionState.ACTIVE, SessionMode.SILENT, null, null, now, null);
    }

    /** Unmute: agent and customer hear the supervisor (B23); needs BARGE_ALL_CALLS (B02). */
    public Session barge(Supervisor who) {
        requireActiveVoice();
        if (!who.may(Permissions.BARGE_ALL_CALLS)) {
            throw new BargeNotPermittedException();
        }
        return changeMode(SessionMode.BARGED);
    }

    /** Back to silent monitoring (B23). */
    public Session mute() {
        requireActiveVoice();
        return changeMode(SessionMode.SILENT);
    }

    /** Whisper to the agent only (B50); needs COACH_CALLS. */
    public Session coach(Supervisor who) {
        requireActiveVoice();
        if (!who.may(Permissions.COACH_CALLS)) {
            throw new CoachNotPermittedException();
        }
        return changeMode(SessionMode.COACHING);
    }

    /** Ends the session for a reason; ending an ended session changes nothing. */
    public Session end(EndReason reason, String detail, Instant now) {
        if (isEnded()) {
            return this;
        }
        return with(SessionState.ENDED, null, reason, detail, joinedAt, now);
    }

    private void requireActiveVoice() {
        if (!isVoice()) {
            throw new NotVoiceException(channel);
        }
        if (state != SessionState.ACTIVE) {
            throw new SessionNotActiveException(id, state);
        }
    }

    private Session changeMode(SessionMode next) {
        if (mode == next) {
            return this;
        }
        return with(state, next, endReason, endDetail, joinedAt, endedAt);
    }

    private Session with(SessionState nextState, SessionMode nextMode, EndReason reason, String detail, Instant joined,
                         Instant ended) {
        return new Session(id, tenantId, interactionId, channel, supervisorId, supervisorName, extension, nextState,
                nextMode, reason, detail, requestedAt, joined, ended);
    }
}
