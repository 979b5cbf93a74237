package cc.monitoring.monitor.domain;

/**
 * Bounds of what clients send (issue 8): ids, user ids and names are refused beyond these lengths or
 * with control characters, as 400 invalid-request.
 */
public final class Ids {

    /** Interaction and session ids. */
    public static final int MAX_ID = 64;
    /** User ids (token subjects, agent ids) as the read models store them. */
    public static final int MAX_USER_ID = 255;
    /** Names and extension addresses. */
    public static final int MAX_NAME = 200;

    private Ids() {
    }

    /** {@code value} when it is a non-blank id of at most {@link #MAX_ID} characters; else 400 invalid-request. */
    public static String id(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name + " is required");
        }
        return bounded(value, MAX_ID, name);
    }

    /** {@code value} trimmed, or null when blank; refused when longer than {@code max}. */
    public static String optional(String value, int max, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(value, max, name);
    }

    /** Trimmed; refused when longer than {@code max} or with control characters anywhere. */
    private static String bounded(String value, int max, String name) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            // PostgreSQL refuses NUL in text: such a value must never reach a query
            throw new InvalidRequestException(name + " contains control characters");
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new InvalidRequestException(name + " has at most " + max + " characters");
        }
        return trimmed;
    }
}
