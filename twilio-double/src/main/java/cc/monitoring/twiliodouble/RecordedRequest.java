package cc.monitoring.twiliodouble;

import java.util.List;
import java.util.Map;

/**
 * One request the double's REST API received, and what it answered.
 *
 * @param path      the request path without the query string
 * @param params    the form parameters (POST body) or the query parameters (GET)
 * @param status    the HTTP status answered (0 when an injected timeout answered nothing)
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> params, String accountSid,
                              int status, String responseBody) {

    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
