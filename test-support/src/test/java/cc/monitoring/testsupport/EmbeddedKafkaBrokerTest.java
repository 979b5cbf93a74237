package cc.monitoring.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    @Test
    void produceAndReadBack() {
        String bootstrap = InfrastructureResource.kafkaBootstrapServers();
        assertTrue(bootstrap.startsWith("127.0.0.1:") || System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null);
        assertEquals(bootstrap, InfrastructureResource.kafkaBootstrapServers(), "one broker per JVM");

        String topic = "selftest-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        TopicReader reader = new TopicReader(bootstrap);
        try (TopicWriter writer = new TopicWriter(bootstrap)) {
            // noise first: the reader must find the record by content, not position
            writer.send(topic, "other", "{\"id\":\"someone-else\"}");
            writer.send(topic, id, "{\"id\":\"" + id + "\"}", Map.of("tenant", "t-1", "type", "Created"));
        }

        ConsumerRecord<String, String> record = reader.awaitRecord(topic, r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("{\"id\":\"" + id + "\"}", record.value());
        assertEquals("t-1", TopicReader.header(record, "tenant"));
        assertEquals("Created", TopicReader.headers(record).get("type"));

        List<ConsumerRecord<String, String>> all = reader.readAll(topic);
        assertEquals(2, all.size());
        assertTrue(all.stream().anyMatch(r -> "other".equals(r.key())));

        reader.assertNoRecord(topic, r -> "never".equals(r.key()), Duration.ofMillis(500));
        assertThrows(AssertionError.class,
                () -> reader.assertNoRecord(topic, r -> id.equals(r.key()), Duration.ofSeconds(5)));
        assertThrows(AssertionError.class,
                () -> reader.awaitRecord(topic, r -> "never".equals(r.key()), Duration.ofSeconds(1)));
    }

    @Test
    void missingTopicIsEmptyAndNotCreated() {
        TopicReader reader = TopicReader.forTestBroker();
        String topic = "missing-" + UUID.randomUUID();
        assertTrue(reader.readAll(topic).isEmpty());
        reader.assertNoRecord(topic, r -> true, Duration.ofMillis(500));
        assertTrue(reader.readAll(topic).isEmpty());
        assertFalse(reader.bootstrapServers().isBlank());
    }

    @Test
    void lifecycleManagerReturnsConfig() {
        InfrastructureResource resource = new InfrastructureResource();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        assertEquals(InfrastructureResource.kafkaBootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertTrue(config.get("quarkus.datasource.jdbc.url").startsWith("jdbc:postgresql://"));
        assertTrue(config.containsKey("quarkus.datasource.username"));
        assertTrue(config.containsKey("quarkus.datasource.password"));
        resource.stop();

        InfrastructureResource kafkaOnly = new InfrastructureResource();
        kafkaOnly.init(Map.of("postgres", "false"));
        assertFalse(kafkaOnly.start().containsKey("quarkus.datasource.jdbc.url"));
    }
}
