package cc.monitoring.interaction.domain;

/**
 * One page of a listing: {@code page} counts from 0, {@code size} is between 1 and {@value #MAX_SIZE}, and a page
 * reaches no further than the {@value #MAX_REACH}th item ({@code page * size}); deeper is refused, never a failure
 * of the database (filter instead).
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;
    public static final long MAX_REACH = 1_000_000;

    /** Parses query parameters as a client sends them; missing ones take the defaults. */
    public static Paging parse(String page, String size) {
        int p = parseInt("page", page, 0);
        int s = parseInt("size", size, DEFAULT_SIZE);
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw new InvalidQueryException("page counts from 0; size is between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > MAX_REACH) {
            throw new InvalidQueryException("page * size is at most " + MAX_REACH + "; narrow the listing with filters");
        }
        return new Paging(p, s);
    }

    private static int parseInt(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'" + name + "' is a whole number");
        }
    }

    /** A page of a transcript: messages after sequence {@code after}, at most {@code limit} of them. */
    public record After(long after, int limit) {

        public static After parse(String after, String limit) {
            long a;
            int l;
            try {
                a = after == null || after.isBlank() ? 0 : Long.parseLong(after.trim());
                l = limit == null || limit.isBlank() ? DEFAULT_SIZE : Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new InvalidQueryException("'after' and 'limit' are whole numbers");
            }
            if (a < 0 || l < 1 || l > MAX_SIZE) {
                throw new InvalidQueryException("'after' is a sequence from 0; 'limit' is between 1 and " + MAX_SIZE);
            }
            return new After(a, l);
        }
    }
}
