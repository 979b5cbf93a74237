package cc.monitoring.systemtest;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import cc.monitoring.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The events of one tenant on the system's broker. Records are found by type, tenant and a predicate on their
 * ids (never "the first record"): every topic is read from the beginning of every partition, without a consumer
 * group, so reading never disturbs the services.
 * <p>
 * Every CloudEvent read here, of any tenant, on any topic but a dead-letter one, is checked against the published
 * contract ({@link #assertConformsToItsSchemas}): the envelope schema, the JSON Schema of its type's data, its
 * {@code dataschema}, and the structured-mode {@code content-type} header. A record that does not conform fails the
 * test that read it, with the record and the schema errors.
 */
public final class Events {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String tenant;
    private final TopicReader reader;

    Events(String bootstrapServers, String tenant) {
        this.bootstrapServers = bootstrapServers;
        this.tenant = tenant;
        this.reader = new TopicReader(bootstrapServers);
    }

    /** Waits for the event of this type and tenant that {@code match} accepts. */
    public Event await(String topic, String type, Predicate<Event> match) {
        return await(topic, type, match, DEFAULT_TIMEOUT);
    }

    public Event await(String topic, String type, Predicate<Event> match, Duration timeout) {
        ConsumerRecord<String, String> found = reader.awaitRecord(topic, r -> parse(r).filter(e -> is(e, type, match)).isPresent(),
                timeout);
        return parse(found).orElseThrow();
    }

    /** Every event of the tenant now in {@code topic} (an empty list when the topic does not exist). */
    public List<Event> all(String topic) {
        return reader.readAll(topic).stream().map(Events::parse).flatMap(Optional::stream)
                .filter(e -> tenant.equals(e.tenant())).toList();
    }

    /** Reads {@code topic} for {@code during} and fails if such an event shows up. */
    /** Fails when any dead-letter topic holds a record, naming the consumer and why it parked it. */
    public void assertNothingDeadLettered() {
        for (Topics.Spec topic : Topics.all()) {
            if (Topics.isDeadLetter(topic.name())) {
                List<String> parked = all(topic.name()).stream()
                        .map(e -> e + " (" + TopicReader.header(e.record(), "dlq-consumer")
                                + ": " + TopicReader.header(e.record(), "dlq-reason") + ")")
                        .toList();
                assertEquals(List.of(), parked, topic.name());
            }
        }
    }

    public void assertNone(String topic, String type, Predicate<Event> match, Duration during) {
        reader.assertNoRecord(topic, r -> parse(r).filter(e -> is(e, type, match)).isPresent(), during);
    }

    /**
     * Waits until consumer group {@code group} has committed an offset past {@code event}: the service has
     * processed it (and everything before it on its partition).
     */
    public void awaitConsumed(String group, Event event, Duration timeout) {
        TopicPartition partition = new TopicPartition(event.record().topic(), event.record().partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Awaitility.await(group + " consumed " + event)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(partition);
                        return committed != null && committed.offset() > event.record().offset();
                    });
        }
    }

    private boolean is(Event e, String type, Predicate<Event> match) {
        return type.equals(e.type()) && tenant.equals(e.tenant()) && match.test(e);
    }

    private static Optional<Event> parse(ConsumerRecord<String, String> record) {
        CloudEvent envelope;
        try {
            envelope = EventJson.read(record.value());
        } catch (RuntimeException e) {
            return Optional.empty(); // not an event of this system (or a poison record): never a match
        }
        if (!Topics.isDeadLetter(record.topic())) { // parked records are there because they did not conform
            assertConformsToItsSchemas(record);
        }
        return Optional.of(new Event(record, envelope));
    }

    // --- the published contract -------------------------------------------------------------------------

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final SchemaRegistry SCHEMA_REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    /** Schema path under {@code schemas/} in the contracts jar → the schema. */
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /**
     * Fails unless {@code record} is a structured-mode CloudEvent as contracts/README.md and docs/asyncapi.yaml
     * publish it: {@code content-type: application/cloudevents+json} and no {@code ce_*} header, the value valid
     * against {@code cloudevent.v1.json}, a type of {@link EventTypes} whose {@code dataschema} it names, and its
     * {@code data} valid against that schema. The raw value is checked, as an outside consumer would see it.
     */
    static void assertConformsToItsSchemas(ConsumerRecord<String, String> record) {
        List<String> problems = new ArrayList<>();
        String contentType = TopicReader.header(record, "content-type");
        if (!CloudEvent.CONTENT_TYPE.equals(contentType)) {
            problems.add("header content-type is " + contentType + ", not " + CloudEvent.CONTENT_TYPE);
        }
        record.headers().forEach(h -> {
            if (h.key().startsWith("ce_")) {
                problems.add("binary-mode header " + h.key() + " (structured mode only)");
            }
        });
        JsonNode value;
        try {
            value = JSON.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + describe(record), e);
        }
        schemaErrors("envelope " + EventTypes.envelopeSchemaPath(), schema(EventTypes.envelopeSchemaPath()), value,
                problems);
        String type = value.path("type").asText();
        String dataSchema = EventTypes.schemaPath(type);
        if (dataSchema == null) {
            problems.add("type " + type + " is no EventTypes constant");
        } else {
            if (!EventTypes.dataschema(type).equals(value.path("dataschema").asText())) {
                problems.add("dataschema is " + value.path("dataschema") + ", not " + EventTypes.dataschema(type));
            }
            schemaErrors("data " + dataSchema, schema(dataSchema), value.path("data"), problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("an event on the wire does not conform to the published contract: "
                    + problems + "\n  " + describe(record));
        }
    }

    private static void schemaErrors(String what, Schema schema, JsonNode instance, List<String> problems) {
        for (Error error : schema.validate(instance)) {
            problems.add(what + ": " + error);
        }
    }

    private static Schema schema(String path) {
        return SCHEMAS.computeIfAbsent(path, p -> {
            try (InputStream in = Events.class.getClassLoader().getResourceAsStream("schemas/" + p)) {
                if (in == null) {
                    throw new AssertionError("schemas/" + p + " is not in the contracts jar");
                }
                return SCHEMA_REGISTRY.getSchema(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " key=" + record.key()
                + " headers=" + TopicReader.headers(record) + " value=" + record.value();
    }
}
