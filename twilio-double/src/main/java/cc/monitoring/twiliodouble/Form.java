package cc.monitoring.twiliodouble;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Form-encoded parameters (a POST body or a query string), repeated names kept in order. */
final class Form {

    private final Map<String, List<String>> params;

    Form(Map<String, List<String>> params) {
        this.params = params;
    }

    static Form parse(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            }
        }
        params.replaceAll((k, v) -> List.copyOf(v));
        return new Form(java.util.Collections.unmodifiableMap(params));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new TwilioError(400, 20001, "Malformed form encoding");
        }
    }

    Map<String, List<String>> asMap() {
        return params;
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    String first(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    String required(String name) {
        String value = first(name);
        if (value == null || value.isBlank()) {
            throw TwilioError.missing(name);
        }
        return value;
    }

    boolean bool(String name, boolean fallback) {
        String value = first(name);
        if (value == null) {
            return fallback;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw TwilioError.invalid(name, value);
    }

    Integer integer(String name) {
        String value = first(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw TwilioError.invalid(name, value);
        }
    }
}
