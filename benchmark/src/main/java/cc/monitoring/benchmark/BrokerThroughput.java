package cc.monitoring.benchmark;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
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
        BenchmarkKafka.ensureTopic(bootstrap, TOPIC, 6);
        String value = "x".repeat(RECORD_BYTES);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        long consumed = 0;
        long lastConsumed = 0;
        long start;
        try (KafkaConsumer<String, String> consumer = BenchmarkKafka.consumerAtEnd(bootstrap, TOPIC, 2000);
             KafkaProducer<String, String> producer = BenchmarkKafka.producer(bootstrap, "benchmark-throughput", 1)) {
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
