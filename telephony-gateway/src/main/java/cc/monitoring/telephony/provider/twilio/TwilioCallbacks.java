package cc.monitoring.telephony.provider.twilio;

import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.provider.TelephonyListener;

import java.util.List;
import java.util.Map;

/**
 * Turns Twilio's (already verified) status callbacks into what the gateway understands: the call
 * progress of a monitor leg's participant, and the end of a call's conference.
 */
public final class TwilioCallbacks {

    private TwilioCallbacks() {
    }

    /** A participant status callback ({@code StatusCallback} of the added participant). */
    public static void participantStatus(TelephonyListener listener, String legId, Map<String, List<String>> params) {
        String status = first(params, "CallStatus");
        String callSid = first(params, "CallSid");
        if (legId == null || legId.isBlank() || status == null) {
            return;
        }
        switch (status) {
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
                // other progress (e.g. "dialing") changes nothing the gateway reports
            }
        }
    }

    /** A conference status callback: the end of the conference is the end of the call. */
    public static void conferenceStatus(TelephonyListener listener, Map<String, List<String>> params) {
        String conferenceSid = first(params, "ConferenceSid");
        if ("conference-end".equals(first(params, "StatusCallbackEvent")) && conferenceSid != null) {
            listener.callEnded(conferenceSid, EndedBy.SYSTEM);
        }
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
