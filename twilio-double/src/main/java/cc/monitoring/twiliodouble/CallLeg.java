package cc.monitoring.twiliodouble;

import java.time.Instant;
import java.util.Set;

/** A Call resource: the inbound caller's call, an agent's call, or a call dialed for a participant. */
final class CallLeg {

    final String sid;
    final String accountSid;
    final String from;
    final String to;
    /** {@code inbound} or {@code outbound-api}. */
    final String direction;
    final Instant created;
    /** Twilio's call status: queued, ringing, in-progress, completed, busy, failed, no-answer, canceled. */
    String status;
    Instant updated;
    Instant started;
    Instant ended;
    /** StatusCallback of the request that created the call (participant or call), or null. */
    String statusCallback;
    Set<String> statusCallbackEvents = Set.of();
    int sequence;
    /** The participant this call is (or is about to be) in a conference as, or null. */
    Participant participant;
    /** For a call created through Calls.json: the TwiML (or the Url to fetch it from) to obey once answered. */
    String answerTwiml;
    String answerUrl;

    CallLeg(String sid, String accountSid, String from, String to, String direction, Instant now, String status) {
        this.sid = sid;
        this.accountSid = accountSid;
        this.from = from;
        this.to = to;
        this.direction = direction;
        this.created = now;
        this.updated = now;
        this.status = status;
    }

    boolean ended() {
        return switch (status) {
            case "completed", "busy", "failed", "no-answer", "canceled" -> true;
            default -> false;
        };
    }

    /** The address the double rings for this call: the callee of an outbound call. */
    String address() {
        return to;
    }
}
