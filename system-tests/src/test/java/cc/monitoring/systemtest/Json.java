package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Small readers for JSON answers. */
public final class Json {

    private Json() {
    }

    /** The text values of an array (or of one field of each element). */
    public static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.path(field).asText()));
        return result;
    }

    /** The first element of {@code array} whose {@code field} has this text. */
    public static Optional<JsonNode> find(JsonNode array, String field, String value) {
        return find(array, n -> value.equals(n.path(field).asText()));
    }

    public static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> match) {
        for (JsonNode n : array) {
            if (match.test(n)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public static JsonNode only(JsonNode array, String field, String value) {
        return find(array, field, value).orElseThrow(() -> new AssertionError("no element with " + field + "=" + value
                + " in " + array));
    }
}
