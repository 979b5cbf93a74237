package cc.monitoring.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as it travels as a Kafka record value.
 *
 * @param id            unique per event; every consumer is idempotent on it
 * @param type          one of {@link EventTypes}
 * @param source        the publishing service, e.g. {@code /permission-service}
 * @param time          when the change happened
 * @param subject       the aggregate the event is about (user id, interaction id, session id)
 * @param tenantid      the tenant (CloudEvents extension attribute)
 * @param schemaversion version of the data schema of {@code type} (CloudEvents extension attribute)
 * @param data          the event's payload, one of the records in this package
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String tenantid,
        int schemaversion,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenantid, "tenantid");
    }

    /** A new event with a fresh id, stamped now. */
    public static CloudEvent of(String type, String source, String tenantId, String subject, Object data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), type, source, Instant.now(), subject,
                tenantId, EventTypes.SCHEMA_VERSION, "application/json", EventJson.toTree(data));
    }

    /** The payload mapped to its record type. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.fromTree(data, type);
    }
}
