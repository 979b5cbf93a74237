package cc.monitoring.systemtest;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.Topics;
import cc.monitoring.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The events of one tenant on the system's broker. Records are found by type, tenant and a predicate on their
 * ids (never "the first record"): every topic is read from the beginning of every partition, without a consumer
 * group, so reading never disturbs the services.
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
            if (topic.name().endsWith(".dlq")) {
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
        try {
            CloudEvent envelope = EventJson.read(record.value());
            return Optional.of(new Event(record, envelope));
        } catch (RuntimeException e) {
            return Optional.empty(); // not an event of this system (or a poison record): never a match
        }
    }
}
