package cc.monitoring.kit.live;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * How a change travels as a NOTIFY payload: the key, then a tab and the detail if there is one. PostgreSQL
 * refuses payloads of 8000 bytes or more; a payload that would not fit loses its detail, and if even the
 * key does not fit it becomes the empty payload, which subscribers receive as a resync.
 */
final class LivePayload {

    /** The most bytes a payload may have (PostgreSQL: "must be shorter than 8000 bytes"). */
    static final int MAX_BYTES = 7999;
    private static final char SEPARATOR = '\t';
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private LivePayload() {
    }

    static String encode(String key, String detail) {
        if (key == null || key.isEmpty() || key.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a live key is non-empty and has no tab: " + key);
        }
        if (detail != null) {
            String both = key + SEPARATOR + detail;
            if (fits(both)) {
                return both;
            }
        }
        return fits(key) ? key : "";
    }

    static LiveChange decode(String channel, String payload) {
        if (payload == null || payload.isEmpty()) {
            return LiveChange.resync(channel);
        }
        int separator = payload.indexOf(SEPARATOR);
        return separator < 0
                ? new LiveChange(channel, payload, null)
                : new LiveChange(channel, payload.substring(0, separator), payload.substring(separator + 1));
    }

    /** A channel name that LISTEN accepts without quoting. */
    static String requireChannel(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a live channel is a plain lower-case identifier: " + channel);
        }
        return channel;
    }

    private static boolean fits(String payload) {
        // a char takes at most 3 UTF-8 bytes: only long payloads need counting
        return payload.length() * 3 <= MAX_BYTES || payload.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
