package cc.monitoring.interaction.domain;

import java.util.regex.Pattern;

/** A flow's id as the contact-center platform names it: used in paths, events and the database key. */
public final class FlowId {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final int MAX_PRINTED = 60;

    private FlowId() {
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** Checks an id as it arrives in a path or an event. */
    public static String check(String id) {
        if (!isValid(id)) {
            throw new InvalidFlowException("A flow id is 1 to 64 letters, digits or . _ : - and starts with a letter or digit");
        }
        return id;
    }

    /** An id as it may be quoted back in an error, shortened and stripped of anything unprintable. */
    static String printable(String id) {
        if (id == null) {
            return "(none)";
        }
        String clean = id.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > MAX_PRINTED ? clean.substring(0, MAX_PRINTED) + "…" : clean;
    }
}
