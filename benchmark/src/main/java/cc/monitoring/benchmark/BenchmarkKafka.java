package cc.monitoring.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/** The benchmark's Kafka clients, built one way: producers as the services' outbox relay, plain string consumers. */
final class BenchmarkKafka {

    private BenchmarkKafka() {
    }

    /** Creates {@code topic} with {@code partitions} unless it exists. */
    static void ensureTopic(String bootstrap, String topic, int partitions) throws Exception {
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** A producer as the services' outbox relay (acks=all, idempotent); {@code lingerMs} negative: the client's default. */
    static KafkaProducer<String, String> producer(String bootstrap, String clientId, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        if (lingerMs >= 0) {
            p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        }
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(p);
    }

    /**
     * A consumer without a group, assigned every partition of {@code topic} from its end, fetching as the services
     * do ({@code fetch.max.wait.ms=50}); {@code maxPollRecords} 0: the client's default.
     */
    static KafkaConsumer<String, String> consumerAtEnd(String bootstrap, String topic, int maxPollRecords) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        if (maxPollRecords > 0) {
            c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        }
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
        List<TopicPartition> tps = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(pi -> tps.add(new TopicPartition(topic, pi.partition())));
        consumer.assign(tps);
        consumer.seekToEnd(tps);
        tps.forEach(consumer::position);
        return consumer;
    }
}
