package cc.monitoring.systemtest.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Request bodies from a schema of an OpenAPI document: a plausible one (string fields named like a resource get
 * the tenant's real id, e.g. {@code interactionId}), one with every field of the wrong type, and one with every
 * string {@value #LONG_STRING} characters long.
 */
final class Samples {

    static final int LONG_STRING = 100_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 6;

    /** Values for string fields by name that are not resources of a tenant. */
    private static final Map<String, String> PLAIN = Map.ofEntries(
            Map.entry("channel", "CHAT"),
            Map.entry("authorRole", "CUSTOMER"),
            Map.entry("by", "CUSTOMER"),
            Map.entry("failure", "BUSY"),
            Map.entry("kind", "SIP"),
            Map.entry("label", "Phone"),
            Map.entry("text", "Hello from the robustness suite"),
            Map.entry("displayName", "Rob Bust"),
            Map.entry("name", "Robustness sample"));

    private final JsonNode document;
    private final Map<String, String> hints;

    Samples(JsonNode document, Map<String, String> hints) {
        this.document = document;
        this.hints = hints;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode valid(JsonNode schema) {
        return sample(schema, null, 0, Mode.VALID);
    }

    JsonNode wrongTypes(JsonNode schema) {
        return sample(schema, null, 0, Mode.WRONG_TYPES);
    }

    JsonNode longStrings(JsonNode schema) {
        return sample(schema, null, 0, Mode.LONG_STRINGS);
    }

    private enum Mode { VALID, WRONG_TYPES, LONG_STRINGS }

    private JsonNode sample(JsonNode raw, String field, int depth, Mode mode) {
        JsonNode schema = OpenApiDocuments.resolve(document, raw);
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            schema = OpenApiDocuments.resolve(document, schema.path("allOf").get(0));
        }
        if ((schema.has("oneOf") || schema.has("anyOf")) && !schema.has("type")) {
            JsonNode options = schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf");
            if (options.size() > 0) {
                schema = OpenApiDocuments.resolve(document, options.get(0));
            }
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object": {
                if (mode == Mode.WRONG_TYPES && depth > 0) {
                    return NODES.textNode("not an object");
                }
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    object.set(p.getKey(), sample(p.getValue(), p.getKey(), depth + 1, mode));
                }
                if (mode == Mode.WRONG_TYPES && depth == 0 && object.isEmpty()) {
                    return NODES.arrayNode().add(42);
                }
                return object;
            }
            case "array": {
                if (mode == Mode.WRONG_TYPES) {
                    return depth == 0 ? NODES.objectNode().put("not", "an array") : NODES.textNode("not an array");
                }
                ArrayNode array = NODES.arrayNode();
                array.add(sample(schema.path("items"), field, depth + 1, mode));
                return array;
            }
            case "integer":
            case "number":
                return mode == Mode.WRONG_TYPES ? NODES.textNode("not a number") : NODES.numberNode(1);
            case "boolean":
                return mode == Mode.WRONG_TYPES ? NODES.textNode("maybe") : NODES.booleanNode(true);
            default:
                if (mode == Mode.WRONG_TYPES) {
                    return NODES.objectNode().put("not", "a string");
                }
                if (mode == Mode.LONG_STRINGS) {
                    return NODES.textNode("x".repeat(LONG_STRING));
                }
                return NODES.textNode(text(schema, field));
        }
    }

    private String text(JsonNode schema, String field) {
        if (field != null && hints.containsKey(field)) {
            return hints.get(field);
        }
        if (field != null && field.equals("permissions")) {
            return "MONITOR_ALL_CALLS";
        }
        if (field != null && field.equals("role")) {
            return schema.has("enum") ? schema.path("enum").get(0).asText() : TenantFixture.AGENT;
        }
        if (field != null && PLAIN.containsKey(field)) {
            return PLAIN.get(field);
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            return Instant.now().toString();
        }
        if (format.equals("uuid")) {
            return java.util.UUID.randomUUID().toString();
        }
        return "sample";
    }
}
