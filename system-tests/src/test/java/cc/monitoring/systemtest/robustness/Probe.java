package cc.monitoring.systemtest.robustness;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One request of the suite and what, beyond the rules for every answer, it must get.
 *
 * @param input          what is special about it, for the report ("own ids", "page=-1", "10 MB body", ...)
 * @param rawPath        the path with its parameters filled in, already percent-encoded
 * @param rawQuery       the query string, percent-encoded, without {@code ?} ({@code ""}: none)
 * @param body           the body's bytes ({@code null}: none)
 * @param requiredStatus the one acceptable status ({@code 0}: any that the general rules allow)
 * @param mustRefuse     when not {@code null}, a 2xx answer is a violation with this cause
 * @param hidesExistence the path names another tenant's resource by its server-issued id: only 403 (the caller
 *                       may not do this at all) or 404 (as for an unknown id) keep its existence secret (B06)
 */
record Probe(Endpoint endpoint, Caller caller, String input, String rawPath, String rawQuery, byte[] body,
             String contentType, int requiredStatus, String mustRefuse, boolean hidesExistence) {

    Probe(Endpoint endpoint, Caller caller, String input, String rawPath, String rawQuery, byte[] body,
          String contentType, int requiredStatus, String mustRefuse) {
        this(endpoint, caller, input, rawPath, rawQuery, body, contentType, requiredStatus, mustRefuse, false);
    }

    String pathAndQuery() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    /** Reads first, then writes, then deletes: a delete cannot take away what a read of the same run was aimed at. */
    int phase() {
        return switch (endpoint.method()) {
            case "GET", "HEAD", "OPTIONS" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    /** Whether the request itself carried {@code value} (then an answer that echoes it leaks nothing). */
    boolean carries(String value) {
        if (decode(pathAndQuery()).contains(value)) {
            return true;
        }
        return body != null && body.length < 1_000_000 && new String(body, StandardCharsets.UTF_8).contains(value);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** For the report: {@code admin@A own ids}. */
    String who() {
        return caller.label() + " · " + input;
    }
}
