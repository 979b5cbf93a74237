package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.provider.TelephonyListener;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's (already verified) callbacks as the gateway reads them: a monitor leg's participant status
 * callback, and the per-call conference's status callbacks. Parsing only; what they change is decided by
 * the gateway's service.
 */
public final class TwilioCallbacks {

    /** The label of the agent's participant, as the contact center's router adds it. */
    public static final String AGENT_LABEL = "agent";
    /** The label the Voice webhook's TwiML gives the caller. */
    public static final String CUSTOMER_LABEL = "customer";

    private TwilioCallbacks() {
    }

    /**
     * A participant status callback ({@code StatusCallback} of a monitor leg's Participants create).
     *
     * @param sequence Twilio's {@code SequenceNumber} (order of this participant's callbacks), null if absent
     */
    public record ParticipantStatus(String accountSid, String callSid, String callStatus, Long sequence) {

        public static ParticipantStatus of(Map<String, List<String>> params) {
            return new ParticipantStatus(first(params, "AccountSid"), first(params, "CallSid"),
                    first(params, "CallStatus"), number(first(params, "SequenceNumber")));
        }

        /** Tells the listener what this status means for leg {@code legId}. */
        public void report(TelephonyListener listener, String legId) {
            if (callStatus == null) {
                return;
            }
            switch (callStatus) {
                case "queued", "initiated", "ringing" -> {
                    if (callSid != null) {
                        listener.legRinging(legId, callSid);
                    }
                }
                case "in-progress", "answered" -> listener.legAnswered(legId);
                case "busy" -> listener.legFailed(legId, LegFailure.BUSY);
                case "no-answer" -> listener.legFailed(legId, LegFailure.NO_ANSWER);
                case "failed" -> listener.legFailed(legId, LegFailure.UNKNOWN_EXTENSION);
                case "canceled", "completed" -> listener.legEnded(legId, LegEndReason.HUNG_UP);
                default -> {
                    // other progress changes nothing the gateway reports
                }
            }
        }
    }

    /**
     * A conference status callback.
     *
     * @param event    {@code StatusCallbackEvent}: conference-start, participant-join, participant-leave,
     *                 participant-mute, participant-unmute, participant-hold, participant-unhold,
     *                 participant-modify, conference-end, ...
     * @param sequence {@code SequenceNumber}: the order of the conference's callbacks, null if absent
     */
    public record ConferenceStatus(String accountSid, String event, String conferenceSid, String friendlyName,
                                   String callSid, String label, boolean muted, boolean coaching,
                                   String callSidEndingConference, Long sequence) {

        public static ConferenceStatus of(Map<String, List<String>> params) {
            return new ConferenceStatus(first(params, "AccountSid"), first(params, "StatusCallbackEvent"),
                    first(params, "ConferenceSid"), first(params, "FriendlyName"), first(params, "CallSid"),
                    first(params, "ParticipantLabel"), "true".equalsIgnoreCase(first(params, "Muted")),
                    "true".equalsIgnoreCase(first(params, "Coaching")), first(params, "CallSidEndingConference"),
                    number(first(params, "SequenceNumber")));
        }

        public boolean isParticipantEvent() {
            return event != null && event.startsWith("participant-");
        }

        /** For participant-mute, -unmute and -modify: what the participant's mode is now. */
        public Optional<LegMode> mode() {
            return switch (event == null ? "" : event) {
                case "participant-mute", "participant-unmute", "participant-modify" ->
                        Optional.of(muted ? LegMode.MUTED : coaching ? LegMode.COACHING : LegMode.UNMUTED);
                default -> Optional.empty();
            };
        }

        /** Who ended the conference: the caller's or the agent's leaving, else the platform. */
        public EndedBy endedBy(String callerCallSid, String agentCallSid) {
            if (callSidEndingConference != null && callSidEndingConference.equals(callerCallSid)) {
                return EndedBy.CUSTOMER;
            }
            if (callSidEndingConference != null && callSidEndingConference.equals(agentCallSid)) {
                return EndedBy.AGENT;
            }
            return EndedBy.SYSTEM;
        }
    }

    /** The first value of a form parameter of a Twilio request, or null. */
    public static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
