package cc.monitoring.twiliodouble;

/**
 * A participant of a conference as the double sees it.
 *
 * @param status  Twilio's participant status: queued, connecting, ringing, connected, complete, failed
 */
public record ParticipantState(String callSid, String label, String status, boolean muted, boolean hold,
                               boolean coaching, String callSidToCoach, boolean startConferenceOnEnter,
                               boolean endConferenceOnExit, String address) {
}
