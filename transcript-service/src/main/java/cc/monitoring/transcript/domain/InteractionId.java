package cc.monitoring.transcript.domain;

import java.util.regex.Pattern;

/** Interaction ids as they travel in paths and events: short and plain (interaction-service uses UUIDs). */
public final class InteractionId {

    public static final int MAX_LENGTH = 64;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private InteractionId() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && PLAIN.matcher(id).matches();
    }

    /** Safe to echo in an error message. */
    public static String printable(String id) {
        return isValid(id) ? id : "(invalid id)";
    }
}
