package cc.monitoring.twiliodouble;

import java.time.Instant;

/** A participant of a conference (Twilio's Participant resource), keyed by its CallSid. */
final class Participant {

    final CallLeg call;
    final Conference conference;
    final String label;
    final Instant created;
    Instant updated;
    /** queued, connecting, ringing, connected, complete, failed. */
    String status;
    boolean muted;
    boolean hold;
    boolean coaching;
    String callSidToCoach;
    boolean startConferenceOnEnter;
    boolean endConferenceOnExit;
    String beep;

    Participant(CallLeg call, Conference conference, String label, Instant now) {
        this.call = call;
        this.conference = conference;
        this.label = label;
        this.created = now;
        this.updated = now;
        this.status = "queued";
    }

    boolean connected() {
        return "connected".equals(status);
    }

    ParticipantState state() {
        return new ParticipantState(call.sid, label, status, muted, hold, coaching, callSidToCoach,
                startConferenceOnEnter, endConferenceOnExit, call.address());
    }
}
