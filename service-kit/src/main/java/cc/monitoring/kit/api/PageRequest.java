package cc.monitoring.kit.api;

import cc.monitoring.kit.problem.DomainException;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One page of a listing as a client asks for it, bounded: {@code page} counts from 0, {@code size} is between 1
 * and the listing's maximum, and a page reaches no deeper than {@code maxDepth} rows ({@code page * size}), so
 * that no request makes the database skip without bound or overflows an offset. The answer is a {@link PageOf}.
 *
 * <p>Every service parses page and size here and refuses bad ones with its own 400 (its stable problem type):
 * <pre>
 * PageRequest paging = PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidQueryException::new);
 * </pre>
 */
public record PageRequest(int page, int size) {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    public PageRequest {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page counts from 0 and size from 1");
        }
    }

    /**
     * The limits of one listing.
     *
     * @param defaultSize the size when the client sends none
     * @param maxSize     the largest size a client may ask for
     * @param maxDepth    the largest {@code page * size}
     */
    public record Bounds(int defaultSize, int maxSize, long maxDepth) {

        /** Every listing of the system today: 50 by default, at most 200, no deeper than a million rows. */
        public static final Bounds STANDARD = new Bounds(50, 200, 1_000_000);

        public Bounds {
            if (maxSize < 1 || defaultSize < 1 || defaultSize > maxSize || maxDepth < 0) {
                throw new IllegalArgumentException("bounds must allow the default size: " + defaultSize + "/" + maxSize);
            }
        }

        /** These bounds with another default size, e.g. a short first page. */
        public Bounds withDefaultSize(int size) {
            return new Bounds(size, maxSize, maxDepth);
        }

        /** The largest page number a client may ask for at {@code size}. */
        public long maxPage(int size) {
            return maxDepth / size;
        }
    }

    /**
     * Parses the query parameters as a client sends them (text, so that "abc" is a 400 like "-1", not a 404).
     * A missing or blank page is 0, a missing or blank size is the bounds' default.
     *
     * @param invalid the calling service's refusal for bad input, e.g. {@code InvalidQueryException::new}; it is
     *                given a detail that quotes no input
     */
    public static PageRequest parse(String page, String size, Bounds bounds,
                                    Function<String, ? extends DomainException> invalid) {
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(invalid, "invalid");
        long p = number("page", page, 0, invalid);
        long s = number("size", size, bounds.defaultSize(), invalid);
        if (p < 0 || s < 1 || s > bounds.maxSize()) {
            throw invalid.apply("page counts from 0; size is between 1 and " + bounds.maxSize());
        }
        if (p * s > bounds.maxDepth()) {
            throw invalid.apply("page × size is at most " + bounds.maxDepth() + "; narrow the listing with filters");
        }
        return new PageRequest((int) p, (int) s);
    }

    /** The first row of this page. */
    public long offset() {
        return (long) page * size;
    }

    private static long number(String name, String value, int fallback,
                               Function<String, ? extends DomainException> invalid) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim();
        if (!WHOLE_NUMBER.matcher(v).matches()) {
            throw invalid.apply(name + " is a whole number");
        }
        return Long.parseLong(v);
    }
}
