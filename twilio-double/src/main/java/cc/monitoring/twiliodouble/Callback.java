package cc.monitoring.twiliodouble;

import java.util.List;
import java.util.Map;

/**
 * One request the double made to the application, in the order it was made: a Voice URL webhook
 * (asking for TwiML), a participant's StatusCallback or a conference's statusCallback.
 *
 * @param kind       {@code voice}, {@code participant-status} or {@code conference-status}
 * @param url        the URL called, exactly as signed
 * @param params     the form parameters sent, in the order sent
 * @param signature  the {@code X-Twilio-Signature} header sent
 * @param status     the HTTP status the application answered, or -1 when it did not answer
 * @param body       what the application answered (the TwiML for a voice webhook)
 */
public record Callback(String accountSid, String kind, String url, Map<String, List<String>> params,
                       String signature, int status, String body) {

    /** The first value of a parameter, or null. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code StatusCallbackEvent} of a conference callback, {@code CallStatus} of a participant callback. */
    public String event() {
        return "conference-status".equals(kind) ? param("StatusCallbackEvent") : param("CallStatus");
    }
}
