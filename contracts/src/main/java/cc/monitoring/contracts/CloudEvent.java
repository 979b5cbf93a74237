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
 * @param datacontenttype {@code application/json}
 * @param dataschema    URI of the JSON Schema {@code data} follows ({@link EventTypes#dataschema}); absent on
 *                      records of the previous release
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
        String dataschema,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    /** The Kafka {@code content-type} header of a structured-mode record: the whole envelope is the value. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenantid, "tenantid");
    }

    /** A new event with a fresh id, stamped now, its {@code dataschema} the one of its type. */
    public static CloudEvent of(String type, String source, String tenantId, String subject, Object data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), type, source, Instant.now(), subject,
                tenantId, EventTypes.SCHEMA_VERSION, DATA_CONTENT_TYPE, EventTypes.dataschema(type),
                EventJson.toTree(data));
    }

    /** The same event with another type (a legacy name read as its current one, {@link EventTypes#canonical}). */
    CloudEvent withType(String newType) {
        return new CloudEvent(specversion, id, newType, source, time, subject, tenantid, schemaversion,
                datacontenttype, dataschema, data);
    }

    /** The payload mapped to its record type. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.fromTree(data, type);
    }
}
