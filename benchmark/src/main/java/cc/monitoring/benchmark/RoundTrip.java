package cc.monitoring.benchmark;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;

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
        BenchmarkKafka.ensureTopic(bootstrap, TOPIC, 6);
        Stats stats = new Stats(label);
        long total = (long) (rate * seconds);
        try (KafkaConsumer<String, String> consumer = BenchmarkKafka.consumerAtEnd(bootstrap, TOPIC, 0);
             KafkaProducer<String, String> producer = BenchmarkKafka.producer(bootstrap, "benchmark-roundtrip", -1)) {
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
