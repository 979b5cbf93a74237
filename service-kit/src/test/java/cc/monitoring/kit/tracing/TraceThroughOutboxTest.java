package cc.monitoring.kit.tracing;

import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.kit.outbox.OutboxRelay;
import cc.monitoring.kit.outbox.RelaySwitch;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * One trace from a REST request through the outbox row and the Kafka record into the consuming service's work
 * (docs/operations.md), against the real PostgreSQL and Kafka broker, spans exported into memory: the row keeps
 * the request span's traceparent, the relay sends it as a header, the consumer applies the event in a child span
 * of the request span, and what the handler writes to its own outbox names the consumer span.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TraceThroughOutboxTest {

    private static final TopicReader TOPICS = TopicReader.forTestBroker();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;
    @Inject
    IncomingEvents incoming;
    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    EventTracing tracing;

    private String traceparentOfRow(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select traceparent from outbox_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult());
    }

    private static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01";
    }

    @Test
    void aRequestsTraceGoesThroughTheOutboxAndKafkaIntoTheConsumersSpan() {
        String topic = "kit-trace-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        String next = "kit-trace-next-" + UUID.randomUUID();

        RelaySwitch.pause(relay); // keep the row in the outbox long enough to read it
        String eventId;
        String stored;
        try {
            eventId = given().post("/kit-test/outbox/{topic}/{user}", topic, user).then().statusCode(200)
                    .extract().asString();
            stored = traceparentOfRow(eventId);
        } finally {
            RelaySwitch.resume(relay);
        }

        SpanData request = await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/kit-test/outbox"))
                .filter(s -> s.getAttributes().asMap().values().stream().anyMatch(v -> String.valueOf(v).contains(user)))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertEquals(traceparent(request), stored, "the row keeps the request span's traceparent");

        ConsumerRecord<String, String> record = TOPICS.awaitRecord(topic, r -> true);
        assertEquals(stored, TopicReader.header(record, EventTracing.HEADER), "the relay sends it as a header");

        String consumer = "kit-trace-" + UUID.randomUUID();
        String[] written = new String[1];
        incoming.process(consumer, List.of(record), e -> {
            CloudEvent onward = CloudEvent.of(EventTypes.USER_REMOVED, "/kit-test", "t-trace", user,
                    new UserRemoved("t-trace", user, 2));
            outbox.append(next, "t-trace/" + user, onward);
            written[0] = onward.id();
        });

        SpanData consumed = await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && consumer.equals(
                        s.getAttributes().asMap().entrySet().stream()
                                .filter(a -> a.getKey().getKey().equals("messaging.consumer.group.name"))
                                .map(a -> String.valueOf(a.getValue())).findFirst().orElse(null)))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertEquals(request.getTraceId(), consumed.getTraceId(), "one trace");
        assertEquals(request.getSpanId(), consumed.getParentSpanId(), "the consumer's span is the request's child");
        assertEquals(topic + " process", consumed.getName());

        ConsumerRecord<String, String> onward = TOPICS.awaitRecord(next, r -> true);
        assertEquals(traceparent(consumed), TopicReader.header(onward, EventTracing.HEADER),
                "what the handler publishes carries the trace on");
        assertEquals(written[0], EventJson.read(onward.value()).id(), "the record is the event the handler wrote");
    }

    @Test
    void workStoredForLaterContinuesTheTraceThatAskedForIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String asker = "00f067aa0ba902b7";
        String[] inside = new String[1];

        tracing.continuing("00-" + traceId + "-" + asker + "-01", "perform dial", () -> inside[0] = tracing.currentTraceparent());

        SpanData performed = await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals("perform dial")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertEquals(asker, performed.getParentSpanId());
        assertEquals(SpanKind.INTERNAL, performed.getKind());
        assertEquals(traceparent(performed), inside[0], "what the work writes carries its span");
    }

    @Test
    void anEventWrittenOutsideAnyTraceHasNoTraceparent() {
        String topic = "kit-trace-none-" + UUID.randomUUID();
        CloudEvent event = CloudEvent.of(EventTypes.USER_REMOVED, "/kit-test", "t-trace", "ann", new UserRemoved("t-trace", "ann", 1));
        RelaySwitch.pause(relay);
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, "t-trace/ann", event));
            assertNull(traceparentOfRow(event.id()));
        } finally {
            RelaySwitch.resume(relay);
        }
        ConsumerRecord<String, String> record = TOPICS.awaitRecord(topic, r -> true);
        assertNull(TopicReader.header(record, EventTracing.HEADER));
    }
}
