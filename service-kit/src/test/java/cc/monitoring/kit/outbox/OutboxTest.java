package cc.monitoring.kit.outbox;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.AppliedEvent;
import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional outbox against a real PostgreSQL and a real Kafka broker: what a transaction writes is
 * relayed once, in order per key; what it rolls back never leaves; a relay that sends again (a crash between
 * send and delete) only duplicates records, which the idempotent consumer applies once.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OutboxTest {

    private static final TopicReader TOPICS = TopicReader.forTestBroker();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    IncomingEvents incoming;
    @Inject
    EntityManager em;

    private static String topic() {
        return "kit-outbox-" + UUID.randomUUID();
    }

    private static CloudEvent event(String tenant, String user, long revision) {
        return CloudEvent.of(EventTypes.USER_REMOVED, "/kit-test", tenant, user, new UserRemoved(tenant, user, revision));
    }

    private static List<String> idsOf(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .map(r -> EventJson.read(r.value()).id()).toList();
    }

    private List<ConsumerRecord<String, String>> awaitRecords(String topic, int count) {
        return await().atMost(PATIENCE).until(() -> TOPICS.readAll(topic), records -> records.size() >= count);
    }

    private long outboxRowsOf(List<CloudEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where event_id in (?1)")
                .setParameter(1, events.stream().map(CloudEvent::id).toList()).getSingleResult()).longValue());
    }

    @Test
    void B40_eventsWrittenInOneTransactionAreRelayedOnceInOrderPerKey() {
        String topic = topic();
        List<CloudEvent> first = IntStream.range(0, 10).mapToObj(i -> event("t-1", "ann", i)).toList();
        List<CloudEvent> second = IntStream.range(0, 10).mapToObj(i -> event("t-1", "bob", i)).toList();

        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 10; i++) {
                outbox.append(topic, "t-1/ann", first.get(i));
                outbox.append(topic, "t-1/bob", second.get(i));
            }
        });

        List<ConsumerRecord<String, String>> records = awaitRecords(topic, 20);
        assertEquals(20, records.size(), "each event once");
        assertEquals(first.stream().map(CloudEvent::id).toList(), idsOf(records, "t-1/ann"));
        assertEquals(second.stream().map(CloudEvent::id).toList(), idsOf(records, "t-1/bob"));
        for (ConsumerRecord<String, String> one : records) { // structured mode: the envelope is the value
            assertEquals("application/cloudevents+json", TopicReader.header(one, "content-type"));
            one.headers().forEach(h -> assertFalse(h.key().startsWith("ce_"), "no binary-mode header: " + h.key()));
            CloudEvent relayed = EventJson.read(one.value());
            assertEquals("t-1", relayed.tenantid());
            assertEquals(EventTypes.USER_REMOVED, relayed.type());
            assertEquals(EventTypes.dataschema(EventTypes.USER_REMOVED), relayed.dataschema());
        }
        await().atMost(PATIENCE).until(() -> outboxRowsOf(first) + outboxRowsOf(second) == 0);
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverRelayed() {
        String topic = topic();
        CloudEvent rolledBack = event("t-2", "ann", 1);
        CloudEvent committed = event("t-2", "ann", 2);

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(topic, "t-2/ann", rolledBack);
            throw new IllegalStateException("the state change failed");
        }));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(topic, "t-2/ann", committed));

        // same key, relayed in commit order: had the first one been written, it would be there before this one
        List<ConsumerRecord<String, String>> records = awaitRecords(topic, 1);
        assertEquals(List.of(committed.id()), idsOf(records, "t-2/ann"));
    }

    @Test
    void theOutboxIsOnlyWrittenInTheCallersTransaction() {
        assertThrows(TransactionalException.class, () -> outbox.append(topic(), "k", event("t-3", "ann", 1)));
    }

    @Test
    void eventsWrittenWhileTheRelayIsDownAreSentWhenItIsBack() {
        String topic = topic();
        List<CloudEvent> events = IntStream.range(0, 5).mapToObj(i -> event("t-4", "ann", i)).toList();
        relay.stop(null);
        try {
            QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> outbox.append(topic, "t-4/ann", e)));
            assertEquals(5, outboxRowsOf(events), "kept in the outbox while no relay runs");
        } finally {
            relay.start(null);
        }

        List<ConsumerRecord<String, String>> records = awaitRecords(topic, 5);
        assertEquals(events.stream().map(CloudEvent::id).toList(), idsOf(records, "t-4/ann"));
    }

    @Test
    void aRelayThatSendsAgainAfterACrashOnlyDuplicatesAndTheConsumerAppliesEachEventOnce() {
        String topic = topic();
        String consumer = "kit-test-" + UUID.randomUUID();
        List<CloudEvent> events = IntStream.range(0, 3).mapToObj(i -> event("t-5", "ann", i)).toList();
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> outbox.append(topic, "t-5/ann", e)));
        awaitRecords(topic, 3);
        await().atMost(PATIENCE).until(() -> outboxRowsOf(events) == 0);

        // a relay that crashed after the broker acknowledged but before its delete committed finds the rows again
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> outbox.append(topic, "t-5/ann", e)));
        List<ConsumerRecord<String, String>> records = awaitRecords(topic, 6);
        assertEquals(6, records.size(), "at least once: every event twice");

        List<ConsumerRecord<String, String>> firstHalf = new ArrayList<>(records.subList(0, 3));
        List<ConsumerRecord<String, String>> secondHalf = new ArrayList<>(records.subList(3, 6));
        incoming.process(consumer, firstHalf, e -> AppliedEvent.of(consumer, e.id(), e.subject()).persist());
        incoming.process(consumer, secondHalf, e -> AppliedEvent.of(consumer, e.id(), e.subject()).persist());

        for (CloudEvent event : events) {
            assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AppliedEvent.countOf(consumer, event.id())),
                    "applied once: " + event.id());
        }
        assertTrue(records.stream().allMatch(r -> "t-5/ann".equals(r.key())));
    }
}
