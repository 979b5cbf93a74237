package cc.monitoring.kit.metrics;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.AppliedEvent;
import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.kit.outbox.OutboxRelay;
import cc.monitoring.kit.outbox.RelaySwitch;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.kit.stream.StreamLimits;
import cc.monitoring.kit.stream.StreamPermit;
import cc.monitoring.testsupport.InfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kit's meters as Prometheus scrapes them from {@code /q/metrics} (docs/operations.md): the outbox backlog and
 * the age of its oldest row, events consumed and dead-lettered per consumer and topic, open streams.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KitMetersTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    IncomingEvents incoming;
    @Inject
    StreamLimits streams;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample {@code name{labels}} (labels as Prometheus prints them, in order), or -1 when absent. */
    static double sample(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels.isEmpty() ? "" : Pattern.quote("{" + labels))
                + "[^\\n]*? ([-+0-9.eE]+|NaN)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static CloudEvent event(String user, long revision) {
        return CloudEvent.of(EventTypes.USER_REMOVED, "/kit-test", "t-m", user, new UserRemoved("t-m", user, revision));
    }

    @Test
    void theOutboxBacklogAndTheAgeOfItsOldestEventAreGauges() {
        String topic = "kit-meters-" + UUID.randomUUID();
        RelaySwitch.pause(relay);
        try {
            QuarkusTransaction.requiringNew().run(() -> IntStream.range(0, 3)
                    .forEach(i -> outbox.append(topic, "t-m/ann", event("ann", i))));
            await().atMost(PATIENCE).until(() -> sample(scrape(), "monitoring_outbox_backlog", "") >= 3
                    && sample(scrape(), "monitoring_outbox_oldest_age_seconds", "") > 0);
        } finally {
            RelaySwitch.resume(relay);
        }
        await().atMost(PATIENCE).until(() -> sample(scrape(), "monitoring_outbox_backlog", "") == 0
                && sample(scrape(), "monitoring_outbox_oldest_age_seconds", "") == 0);
    }

    @Test
    void consumedAndDeadLetteredRecordsAreCountedPerConsumerAndTopic() {
        String topic = "kit-meters-in-" + UUID.randomUUID();
        String consumer = "kit-meters-" + UUID.randomUUID();
        CloudEvent good = event("bob", 1);
        List<ConsumerRecord<String, String>> records = List.of(
                new ConsumerRecord<>(topic, 0, 0, "t-m/bob", EventJson.write(good)),
                new ConsumerRecord<>(topic, 0, 1, "t-m/bob", EventJson.write(good)), // a repeat: absorbed, still consumed
                new ConsumerRecord<>(topic, 0, 2, "t-m/bob", "{not an event"));

        incoming.process(consumer, records, e -> AppliedEvent.of(consumer, e.id(), e.subject()).persist());

        String labels = "consumer=\"" + consumer + "\",topic=\"" + topic + "\"";
        String scrape = scrape();
        assertEquals(2.0, sample(scrape, "monitoring_events_consumed_total", labels), scrape);
        assertEquals(1.0, sample(scrape, "monitoring_events_dead_lettered_total", labels));
    }

    @Test
    void openStreamsAreAGauge() {
        double before = sample(scrape(), "monitoring_streams_open", "");
        try (StreamPermit ignored = streams.acquire("t-m", "u-" + UUID.randomUUID())) {
            assertEquals(before + 1, sample(scrape(), "monitoring_streams_open", ""));
        }
        assertEquals(before, sample(scrape(), "monitoring_streams_open", ""));
    }
}
