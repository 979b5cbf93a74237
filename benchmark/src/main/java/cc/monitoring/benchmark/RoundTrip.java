package cc.monitoring.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * The reference: the raw Kafka produce → consume round trip on the same broker, with the producer
 * settings of the services' outbox relay (acks=all, idempotent, default linger) and the consumer's
 * fetch.max.wait.ms of the services (50 ms). Topic {@code benchmark-roundtrip} (6 partitions).
 */
final class RoundTrip {

    static final String TOPIC = "benchmark-roundtrip";

    private RoundTrip() {
    }

    static Stats measure(String bootstrap, double rate, double seconds, String label) throws Exception {
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Stats stats = new Stats(label);
        long total = (long) (rate * seconds);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
             KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<TopicPartition> tps = new ArrayList<>();
            consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).forEach(pi -> tps.add(new TopicPartition(TOPIC, pi.partition())));
            consumer.assign(tps);
            consumer.seekToEnd(tps);
            tps.forEach(consumer::position);
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                long n = 0;
                while (n < total) {
                    long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
                    while (n < due) {
                        producer.send(new ProducerRecord<>(TOPIC, "k" + n, Long.toString(System.nanoTime())));
                        n++;
                    }
                    Benchmark.sleep(1);
                }
                producer.flush();
            }, "benchmark-roundtrip-sender");
            sender.start();
            long received = 0;
            long deadline = System.nanoTime() + (long) ((seconds + 15) * 1e9);
            while (received < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    stats.add((now - Long.parseLong(r.value())) / 1e6);
                    received++;
                }
            }
            sender.join();
        }
        return stats;
    }
}
