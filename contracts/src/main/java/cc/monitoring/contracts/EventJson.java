package cc.monitoring.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one JSON mapping of events, shared by producers and consumers. */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // newer producers may add fields: older consumers ignore them
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an unknown value of an enum marked @JsonEnumDefaultValue (reasons, endedBy) reads as its UNKNOWN;
            // an unknown value of any other enum (states, modes, channels) makes the record malformed (DLQ)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);

    private EventJson() {
    }

    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event.type(), e);
        }
    }

    /**
     * Reads a record value.
     *
     * A type of the previous release ({@code monitor-joined}) comes back as its current name
     * ({@link EventTypes#canonical}), so consumers compare against {@link EventTypes} only.
     *
     * @throws MalformedEventException if the value is not a CloudEvent this module can read: not JSON, no
     *                                 {@code data}, or a {@code specversion} other than {@code 1.0}
     */
    public static CloudEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty record value");
        }
        try {
            CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
            if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
                throw new MalformedEventException("event " + event.id() + " is not CloudEvents "
                        + CloudEvent.SPEC_VERSION + " (specversion " + quoted(event.specversion()) + ")");
            }
            if (event.data() == null || event.data().isNull()) {
                throw new MalformedEventException("event " + event.id() + " has no data");
            }
            String canonical = EventTypes.canonical(event.type());
            return canonical.equals(event.type()) ? event : event.withType(canonical);
        } catch (MalformedEventException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a readable CloudEvent: " + e.getMessage(), e);
        }
    }

    public static CloudEvent read(byte[] json) {
        return read(json == null ? null : new String(json, StandardCharsets.UTF_8));
    }

    /** A short, printable rendering of an attribute for a message (never the payload). */
    private static String quoted(String value) {
        if (value == null) {
            return "missing";
        }
        String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    static JsonNode toTree(Object data) {
        return MAPPER.valueToTree(data);
    }

    static <T> T fromTree(JsonNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("data is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** For tests and tools that want to look at a payload as a tree. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** A record value that is not a readable event; it belongs on a dead-letter topic. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
