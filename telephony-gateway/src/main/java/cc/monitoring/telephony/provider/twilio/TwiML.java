package cc.monitoring.telephony.provider.twilio;

/** The TwiML the Voice webhook answers. */
public final class TwiML {

    public static final String CONTENT_TYPE = "text/xml";
    public static final String VOICE_PATH = "/api/telephony/twilio/voice";
    public static final String CONFERENCE_CALLBACK_PATH = "/api/telephony/twilio/conference-status";

    private TwiML() {
    }

    /**
     * Puts the caller into the call's own conference, named {@code conferenceName}: the conference starts when
     * the caller enters and ends when the caller leaves; every conference event is called back.
     */
    public static String callerIntoConference(String webhookBaseUrl, String conferenceName) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Response><Dial><Conference"
                + " beep=\"false\""
                + " startConferenceOnEnter=\"true\""
                + " endConferenceOnExit=\"true\""
                + " participantLabel=\"" + TwilioCallbacks.CUSTOMER_LABEL + "\""
                + " statusCallback=\"" + xml(strip(webhookBaseUrl) + CONFERENCE_CALLBACK_PATH) + "\""
                + " statusCallbackMethod=\"POST\""
                + " statusCallbackEvent=\"start end join leave mute hold modify\">"
                + xml(conferenceName)
                + "</Conference></Dial></Response>";
    }

    /** Refuses a call the tenant routes to no flow. */
    public static String reject() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Reject reason=\"rejected\"/></Response>";
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
