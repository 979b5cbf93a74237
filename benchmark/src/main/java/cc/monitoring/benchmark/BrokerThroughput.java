package cc.monitoring.benchmark;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw broker reference: records of about 300 bytes (the size of the services' events) produced as fast as
 * possible to topic {@code benchmark-throughput} (6 partitions, as the services' topics) with the services'
 * producer settings (acks=all, idempotent, linger.ms=1 as the outbox relay), while one consumer (the services'
 * fetch.max.wait.ms=50) reads them. Produced/s = acknowledged records over first send → last acknowledgement;
 * consumed/s = records read over first send → last record read.
 */
final class BrokerThroughput {

    static final String TOPIC = "benchmark-throughput";
    static final int RECORD_BYTES = 300;

    record Result(long produced, long failed, double producedPerSecond, long consumed, double consumedPerSecond) {

        /** The reference: the lower of the two rates (the broker moves records no faster than both ends). */
        double recordsPerSecond() {
            return Math.min(producedPerSecond, consumedPerSecond);
        }

        String line() {
            return String.format("  raw broker: %,d records of %d bytes acknowledged → %,.0f rec/s produced (%d failed);"
                    + " %,d consumed → %,.0f rec/s consumed", produced, RECORD_BYTES, producedPerSecond, failed, consumed,
                    consumedPerSecond);
        }
    }

    private BrokerThroughput() {
    }

    static Result measure(String bootstrap, long records, double maxSeconds) throws Exception {
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
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-throughput");
        String value = "x".repeat(RECORD_BYTES);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        long consumed = 0;
        long lastConsumed = 0;
        long start;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c);
             KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<TopicPartition> tps = new ArrayList<>();
            consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).forEach(pi -> tps.add(new TopicPartition(TOPIC, pi.partition())));
            consumer.assign(tps);
            consumer.seekToEnd(tps);
            tps.forEach(consumer::position);
            long[] sent = new long[1];
            start = System.nanoTime();
            long stopAt = start + (long) (maxSeconds * 1e9);
            Thread sender = new Thread(() -> {
                long n = 0;
                while (n < records && System.nanoTime() < stopAt) {
                    producer.send(new ProducerRecord<>(TOPIC, "k" + (n % 10_000), value), (m, e) -> {
                        if (e != null) {
                            failed.incrementAndGet();
                        } else {
                            acked.incrementAndGet();
                            lastAck.set(System.nanoTime());
                        }
                    });
                    n++;
                }
                producer.flush();
                sent[0] = n;
            }, "benchmark-broker-sender");
            sender.start();
            long deadline = stopAt + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                int got = consumer.poll(Duration.ofMillis(100)).count();
                if (got > 0) {
                    consumed += got;
                    lastConsumed = System.nanoTime();
                }
                if (!sender.isAlive() && consumed >= acked.get()) {
                    break;
                }
            }
            sender.join();
        }
        double producedSeconds = Math.max(1e-3, (lastAck.get() - start) / 1e9);
        double consumedSeconds = Math.max(1e-3, (lastConsumed - start) / 1e9);
        return new Result(acked.get(), failed.get(), acked.get() / producedSeconds, consumed,
                consumed == 0 ? 0 : consumed / consumedSeconds);
    }
}
