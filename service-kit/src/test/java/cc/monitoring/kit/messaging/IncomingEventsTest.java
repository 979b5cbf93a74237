package cc.monitoring.kit.messaging;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.AppliedEvent;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The idempotent consumer and the dead-letter topic against a real PostgreSQL and a real Kafka broker. The
 * records are built as the Kafka connector hands them over; the handler writes to the real database.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class IncomingEventsTest {

    private static final TopicReader TOPICS = TopicReader.forTestBroker();

    @Inject
    IncomingEvents incoming;

    private final String topic = "kit-incoming-" + UUID.randomUUID();
    private final String consumer = "kit-test-" + UUID.randomUUID();
    private long offset;

    private ConsumerRecord<String, String> record(String value) {
        return new ConsumerRecord<>(topic, 0, offset++, "t-1/ann", value);
    }

    private static CloudEvent removed(String tenant, String dataTenant, String user) {
        return CloudEvent.of(EventTypes.USER_REMOVED, "/kit-test", tenant, user, new UserRemoved(dataTenant, user, 1));
    }

    /** Applies user-removed as a service would: checks first, then writes. */
    private void apply(CloudEvent event) {
        UserRemoved data = EventChecks.dataOf(event, UserRemoved.class, UserRemoved::tenantId);
        AppliedEvent.of(consumer, event.id(), EventChecks.require(data.userId(), "userId")).persist();
    }

    private long applied(CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> AppliedEvent.countOf(consumer, event.id()));
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        CloudEvent event = removed("t-1", "t-1", "ann");
        String value = EventJson.write(event);

        incoming.process(consumer, List.of(record(value), record(value)), this::apply);
        incoming.process(consumer, List.of(record(value)), this::apply);

        assertEquals(1, applied(event));
    }

    @Test
    void aBatchOfSeenAndNewEventsAppliesOnlyTheNewOnesInTheirOrder() {
        CloudEvent seen = removed("t-1", "t-1", "ann");
        CloudEvent first = removed("t-1", "t-1", "bob");
        CloudEvent second = removed("t-1", "t-1", "cid");
        incoming.process(consumer, List.of(record(EventJson.write(seen))), this::apply);
        List<String> order = new java.util.ArrayList<>();

        incoming.process(consumer, List.of(record(EventJson.write(first)), record(EventJson.write(seen)),
                record(EventJson.write(second)), record(EventJson.write(first))), event -> {
            order.add(event.id());
            apply(event);
        });

        assertEquals(List.of(first.id(), second.id()), order);
        assertEquals(1, applied(seen));
        assertEquals(1, applied(first));
        assertEquals(1, applied(second));
    }

    @Test
    void anotherConsumerAppliesTheSameEventItself() {
        CloudEvent event = removed("t-1", "t-1", "ann");
        String other = "kit-test-other-" + UUID.randomUUID();

        incoming.process(consumer, List.of(record(EventJson.write(event))), this::apply);
        incoming.process(other, List.of(record(EventJson.write(event))),
                e -> AppliedEvent.of(other, e.id(), e.subject()).persist());

        assertEquals(1, applied(event));
        assertEquals(1, (long) QuarkusTransaction.requiringNew().call(() -> AppliedEvent.countOf(other, event.id())));
    }

    @Test
    void B06_poisonRecordsGoToTheDeadLetterTopicAndTheRestOfTheBatchIsApplied() {
        CloudEvent before = removed("t-1", "t-1", "ann");
        CloudEvent crossing = removed("t-1", "t-2", "eve");
        CloudEvent after = removed("t-1", "t-1", "bob");
        String unreadable = "{not json";

        incoming.process(consumer, List.of(record(EventJson.write(before)), record(unreadable),
                record(EventJson.write(crossing)), record(EventJson.write(after))), this::apply);

        assertEquals(1, applied(before));
        assertEquals(0, applied(crossing));
        assertEquals(1, applied(after), "the poison records did not block the ones behind them");
        List<ConsumerRecord<String, String>> parked = await().atMost(Duration.ofSeconds(30))
                .until(() -> TOPICS.readAll(Topics.deadLetter(topic)), letters -> letters.size() >= 2);
        assertEquals(2, parked.size());
        assertEquals(unreadable, parked.get(0).value());
        assertEquals(EventJson.write(crossing), parked.get(1).value());
        for (ConsumerRecord<String, String> letter : parked) {
            assertEquals(topic, TopicReader.header(letter, "dlq-original-topic"));
            assertEquals(consumer, TopicReader.header(letter, "dlq-consumer"));
            assertEquals("t-1/ann", letter.key());
        }
        assertTrue(TopicReader.header(parked.get(1), "dlq-reason").contains("t-2"),
                TopicReader.header(parked.get(1), "dlq-reason"));
    }

    @Test
    void aRecordWithAnUnknownStateIsParkedNotRetried() {
        String value = """
                {"specversion":"1.0","id":"%s","type":"cc.monitoring.monitoring.monitor-joined.v1","source":"/x","time":"2026-12-03T10:15:30Z",
                 "tenantid":"t-1","data":{"tenantId":"t-1","sessionId":"s-1","state":"PAUSED"}}"""
                .formatted(UUID.randomUUID());

        incoming.process(consumer, List.of(record(value)), e -> e.dataAs(
                cc.monitoring.contracts.monitoring.MonitoringEvent.class));

        ConsumerRecord<String, String> parked = TOPICS.awaitRecord(Topics.deadLetter(topic), r -> value.equals(r.value()));
        assertTrue(TopicReader.header(parked, "dlq-reason").contains("MonitoringEvent"),
                TopicReader.header(parked, "dlq-reason"));
    }

    @Test
    void B40_aRecordOfAnotherCloudEventsVersionIsParkedAndTheRestOfTheBatchIsApplied() {
        CloudEvent before = removed("t-1", "t-1", "ann");
        CloudEvent other = removed("t-1", "t-1", "eve");
        String otherVersion = EventJson.write(other).replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"");
        CloudEvent after = removed("t-1", "t-1", "bob");

        incoming.process(consumer, List.of(record(EventJson.write(before)), record(otherVersion),
                record(EventJson.write(after))), this::apply);

        assertEquals(1, applied(before));
        assertEquals(0, applied(other), "a CloudEvents 0.3 record is never applied");
        assertEquals(1, applied(after));
        ConsumerRecord<String, String> parked = TOPICS.awaitRecord(Topics.deadLetter(topic),
                r -> otherVersion.equals(r.value()));
        assertTrue(TopicReader.header(parked, "dlq-reason").contains("specversion"),
                TopicReader.header(parked, "dlq-reason"));
    }

    @Test
    void B40_aRecordOfThePreviousReleaseWithItsBareTypeIsAppliedAsTheCurrentType() {
        CloudEvent current = removed("t-1", "t-1", "ann");
        String previousRelease = EventJson.write(current).replace(EventTypes.USER_REMOVED, "user-removed")
                .replaceAll(",\"dataschema\":\"[^\"]*\"", "");
        List<String> seenTypes = new java.util.ArrayList<>();

        incoming.process(consumer, List.of(record(previousRelease)), e -> {
            seenTypes.add(e.type());
            apply(e);
        });

        assertTrue(previousRelease.contains("\"type\":\"user-removed\""), previousRelease);
        assertEquals(List.of(EventTypes.USER_REMOVED), seenTypes, "the handler sees the current name only");
        assertEquals(1, applied(current));
    }
}
