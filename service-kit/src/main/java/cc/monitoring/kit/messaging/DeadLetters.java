package cc.monitoring.kit.messaging;

import cc.monitoring.contracts.Topics;
import cc.monitoring.kit.metrics.EventMeters;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parks a record that a consumer cannot apply on {@code <topic>.dlq}, with why and where it came
 * from, so that the consumer goes on with the next record.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients clients;
    private final EventMeters meters;
    private KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClients clients, EventMeters meters) {
        this.clients = clients;
        this.meters = meters;
    }

    public void park(ConsumerRecord<?, ?> record, String consumer, String reason) {
        LOG.warnf("parking %s-%d@%d on the dead-letter topic (%s): %s", record.topic(), record.partition(),
                record.offset(), consumer, reason);
        ProducerRecord<String, String> letter = new ProducerRecord<>(Topics.deadLetter(record.topic()),
                record.key() == null ? null : record.key().toString(),
                record.value() == null ? null : record.value().toString());
        record.headers().forEach(h -> letter.headers().add(h));
        letter.headers()
                .add("dlq-reason", bytes(reason))
                .add("dlq-consumer", bytes(consumer))
                .add("dlq-original-topic", bytes(record.topic()))
                .add("dlq-original-partition", bytes(String.valueOf(record.partition())))
                .add("dlq-original-offset", bytes(String.valueOf(record.offset())));
        try {
            producer().send(letter).get(30, TimeUnit.SECONDS);
            meters.deadLettered(consumer, record.topic());
        } catch (Exception e) {
            throw new IllegalStateException("dead-letter topic not reachable", e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = clients.producer("dead-letters", Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }

    void close(@Observes ShutdownEvent ignored) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }
}
