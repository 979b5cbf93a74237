package cc.monitoring.telephony.domain;

/**
 * A page of a listing as a client asks for it, bounded: {@code page} from 0, {@code size} 1 to
 * {@value #MAX_SIZE}, and no deeper than {@value #MAX_DEPTH} rows ({@code page * size}), so that no
 * request makes the database skip billions of rows or overflow an offset.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final long MAX_DEPTH = 1_000_000;

    /** From the query parameters as sent (numbers as text, so "abc" is a 400 too, not a 404). */
    public static Paging of(String page, String size) {
        long p = number("page", page);
        long s = number("size", size);
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw new InvalidCallException("page counts from 0; size is between 1 and " + MAX_SIZE);
        }
        if (p * s > MAX_DEPTH) {
            throw new InvalidCallException("page * size is at most " + MAX_DEPTH);
        }
        return new Paging((int) p, (int) s);
    }

    private static long number(String name, String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || v.length() > 10 || !v.matches("-?[0-9]+")) {
            throw new InvalidCallException(name + " is a whole number");
        }
        return Long.parseLong(v);
    }
}
