package cc.monitoring.monitor.api;

import cc.monitoring.monitor.domain.InvalidRequestException;

/** Page and size as clients send them: page from 0, size 1..200, and no deeper than a million rows. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 200;
    static final long MAX_DEPTH = 1_000_000;

    /** Parses the query parameters (null: the default); anything else is 400 invalid-request. */
    static Paging of(String page, String size, int defaultSize) {
        int p = number(page, 0);
        int s = number(size, defaultSize);
        if (p < 0 || s < 1 || s > MAX_SIZE || (long) p * s > MAX_DEPTH) {
            throw invalid();
        }
        return new Paging(p, s);
    }

    private static int number(String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        if (value.length() > 10) {
            throw invalid();
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("page counts from 0; size is between 1 and " + MAX_SIZE
                + "; page × size is at most " + MAX_DEPTH);
    }
}
