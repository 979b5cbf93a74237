package cc.monitoring.benchmark;

import cc.monitoring.contracts.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads interaction-events and monitoring-events from their end (no consumer group: assigned
 * partitions) and remembers, for the benchmark's real calls and sessions, when each event was
 * written (the record's Kafka timestamp, CreateTime = when the producing service's Kafka client sent
 * it) and when this consumer received it.
 */
final class Observer implements AutoCloseable {

    /** When an event was produced (Kafka record timestamp) and received here (wall clock), in ms. */
    record Seen(long kafkaTs, long receivedAt, String detail) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final String tenant;

    private final Map<String, CompletableFuture<String>> interactionOfCall = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Seen>> interactionEnded = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Seen>> monitorJoined = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Seen>> monitorEnded = new ConcurrentHashMap<>();

    Observer(String bootstrap, String tenant) {
        this.tenant = tenant;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchmark-observer");
        consumer = new KafkaConsumer<>(p);
        thread = new Thread(this::run, "benchmark-observer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
        try {
            if (!positioned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Kafka observer could not position itself in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<TopicPartition> tps = new ArrayList<>();
        for (String topic : List.of("interaction-events", "monitoring-events")) {
            for (PartitionInfo pi : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                tps.add(new TopicPartition(topic, pi.partition()));
            }
        }
        consumer.assign(tps);
        consumer.seekToEnd(tps);
        tps.forEach(consumer::position); // resolve the end offsets now, before the benchmark acts
        positioned.countDown();
        while (running) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                long now = System.currentTimeMillis();
                try {
                    handle(r, now);
                } catch (RuntimeException e) {
                    // not ours or unreadable: ignore
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    private void handle(ConsumerRecord<String, String> r, long now) throws RuntimeException {
        if (r.key() != null && r.key().startsWith(Load.SYNTHETIC_PREFIX)) {
            return; // the synthetic load: not parsed here
        }
        String v = r.value();
        if (v == null || !v.contains("\"tenantid\":\"" + tenant + "\"")) {
            return;
        }
        JsonNode e;
        try {
            e = Http.JSON.readTree(v);
        } catch (java.io.IOException ex) {
            return;
        }
        String type = e.path("type").asText();
        JsonNode d = e.path("data");
        Seen seen = new Seen(r.timestamp(), now, d.path("endReason").asText(null));
        switch (type) {
            case EventTypes.INTERACTION_STARTED -> {
                if (d.hasNonNull("callId")) {
                    future(interactionOfCall, d.path("callId").asText()).complete(d.path("interactionId").asText());
                }
            }
            case EventTypes.INTERACTION_ENDED -> future(interactionEnded, d.path("interactionId").asText()).complete(seen);
            case EventTypes.MONITOR_JOINED -> future(monitorJoined, d.path("sessionId").asText()).complete(seen);
            case EventTypes.MONITOR_ENDED -> future(monitorEnded, d.path("sessionId").asText()).complete(seen);
            default -> {
            }
        }
    }

    private static <T> CompletableFuture<T> future(Map<String, CompletableFuture<T>> map, String key) {
        return map.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    CompletableFuture<String> interactionOfCall(String callId) {
        return future(interactionOfCall, callId);
    }

    CompletableFuture<Seen> interactionEnded(String interactionId) {
        return future(interactionEnded, interactionId);
    }

    CompletableFuture<Seen> monitorJoined(String sessionId) {
        return future(monitorJoined, sessionId);
    }

    CompletableFuture<Seen> monitorEnded(String sessionId) {
        return future(monitorEnded, sessionId);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
