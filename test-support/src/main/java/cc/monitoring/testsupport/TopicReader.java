package cc.monitoring.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Reads a topic from the beginning of every partition, without a consumer group (no offsets committed, no
 * rebalances), so it never disturbs the service under test and works on a shared broker. Reads with
 * {@code isolation.level=read_committed}: it sees what a real consumer sees.
 * <p>
 * On a shared broker, find your record by its id or content ({@link #awaitRecord}), never "the first record".
 * Each call uses its own short-lived consumer; the reader itself holds no resources.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A reader on the test broker ({@link InfrastructureResource#kafkaBootstrapServers()}). */
    public static TopicReader forTestBroker() {
        return new TopicReader(EmbeddedKafkaBroker.bootstrapServers());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * All records currently in {@code topic} (every partition, from the beginning up to the end offsets at the
     * time of the call). An empty list if the topic does not exist.
     */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(topic, Duration.ofSeconds(30));
    }

    public List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> result = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return result;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("reading " + topic + " did not reach the end offsets " + end
                            + " within " + timeout);
                }
                consumer.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(500).toNanos())))
                        .forEach(result::add);
            }
        }
        return result;
    }

    /**
     * Polls {@code topic} from the beginning of every partition until a record matching {@code match} arrives,
     * and returns it. Waits for the topic to exist. Fails with an {@link AssertionError} (listing the last
     * records seen) after {@code timeout}.
     */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Deque<ConsumerRecord<String, String>> lastSeen = new ArrayDeque<>();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions;
            try {
                partitions = awaitPartitions(consumer, topic, timeout);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("topic " + topic + " does not exist after " + timeout);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer
                        .poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(250).toNanos())))) {
                    if (match.test(record)) {
                        return record;
                    }
                    seen++;
                    lastSeen.addLast(record);
                    if (lastSeen.size() > 5) {
                        lastSeen.removeFirst();
                    }
                }
            }
        }
        throw new AssertionError("no record matching the predicate on topic " + topic + " within " + timeout
                + "; " + seen + " other record(s) seen, the last ones: "
                + lastSeen.stream().map(TopicReader::describe).collect(Collectors.joining("; ")));
    }

    /** Default timeout of 30 s. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match) {
        return awaitRecord(topic, match, Duration.ofSeconds(30));
    }

    /**
     * Reads {@code topic} for {@code during} and fails if a record matching {@code match} shows up (for "nothing
     * was published" checks). A topic that does not exist counts as no record.
     */
    public void assertNoRecord(String topic, Predicate<ConsumerRecord<String, String>> match, Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions;
            try {
                partitions = awaitPartitions(consumer, topic, during);
            } catch (ConditionTimeoutException e) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                for (ConsumerRecord<String, String> record : consumer
                        .poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(250).toNanos())))) {
                    if (match.test(record)) {
                        throw new AssertionError("unexpected record on " + topic + ": " + describe(record));
                    }
                }
            }
        }
    }

    /** The last value of header {@code name} as UTF-8, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** All headers as UTF-8 strings (last value wins). */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (Header h : record.headers()) {
            result.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String describe(ConsumerRecord<String, String> r) {
        String value = r.value() == null ? "null" : r.value().length() > 300 ? r.value().substring(0, 300) + "…" : r.value();
        return r.topic() + "-" + r.partition() + "@" + r.offset() + " key=" + r.key() + " headers=" + headers(r)
                + " value=" + value;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        List<TopicPartition> result = new ArrayList<>();
        if (infos != null) {
            infos.forEach(p -> result.add(new TopicPartition(p.topic(), p.partition())));
        }
        return result;
    }

    private static List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> consumer, String topic,
            Duration timeout) {
        List<List<TopicPartition>> holder = new ArrayList<>(1);
        Awaitility.await("topic " + topic + " exists")
                .atMost(timeout)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<TopicPartition> p = partitions(consumer, topic);
                    if (p.isEmpty()) {
                        return false;
                    }
                    holder.add(p);
                    return true;
                });
        return holder.get(0);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-topic-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // never create the topic as a side effect of looking at it
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }
}
