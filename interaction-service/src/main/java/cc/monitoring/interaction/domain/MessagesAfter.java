package cc.monitoring.interaction.domain;

/**
 * A page of a transcript: messages after sequence {@code after}, at most {@code limit} of them. Pages of
 * listings are the kit's {@code PageRequest}; this one is a cursor, not a page number.
 */
public record MessagesAfter(long after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static MessagesAfter parse(String after, String limit) {
        long a;
        int l;
        try {
            a = after == null || after.isBlank() ? 0 : Long.parseLong(after.trim());
            l = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'after' and 'limit' are whole numbers");
        }
        if (a < 0 || l < 1 || l > MAX_LIMIT) {
            throw new InvalidQueryException("'after' is a sequence from 0; 'limit' is between 1 and " + MAX_LIMIT);
        }
        return new MessagesAfter(a, l);
    }
}
