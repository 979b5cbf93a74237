package cc.monitoring.transcript.domain;

/**
 * Where a cursor read starts ({@code after} a sequence, 0 = from the first message) and how many
 * messages it returns at most.
 */
public record Cursor(long after, int limit) {

    /** Parses query parameters as a client sends them; missing ones take the defaults. */
    public static Cursor parse(String after, String limit, int defaultLimit, int maxLimit) {
        long a = parseAfter(after);
        long l = parseLong("limit", limit, defaultLimit);
        if (l < 1 || l > maxLimit) {
            throw new InvalidQueryException("'limit' is between 1 and " + maxLimit);
        }
        return new Cursor(a, (int) l);
    }

    /** A sequence to start after: 0 (the default) or more. */
    public static long parseAfter(String after) {
        long a = parseLong("after", after, 0);
        if (a < 0) {
            throw new InvalidQueryException("'after' is a message sequence: 0 (from the first message) or more");
        }
        return a;
    }

    private static long parseLong(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'" + name + "' is a whole number");
        }
    }
}
