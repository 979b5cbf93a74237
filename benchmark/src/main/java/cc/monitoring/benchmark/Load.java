package cc.monitoring.benchmark;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Synthetic interaction-events for many voice interactions, written to Kafka at a target rate, in the
 * services' format (CloudEvents JSON, the outbox's headers, key = interaction id): per interaction
 * interaction-started, participant-joined (agent), participant-joined (customer), interaction-ended,
 * interleaved over a window of {@code WINDOW} interactions so that each lives about 4 × WINDOW / rate
 * seconds. monitoring-service (and every other consumer of interaction-events) has to process them.
 */
final class Load implements AutoCloseable {

    static final String SYNTHETIC_PREFIX = "syn-";
    private static final int WINDOW = 250;

    private final KafkaProducer<String, String> producer;
    private final String tenant;
    private final String flowId;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Last synthetic interaction written to each partition (its interaction-ended is the partition's last event). */
    private final Map<Integer, String> lastOfPartition = new ConcurrentHashMap<>();
    private volatile String lastError;
    private long sent;

    Load(String bootstrap, String tenant, String flowId) {
        this.tenant = tenant;
        this.flowId = flowId;
        producer = BenchmarkKafka.producer(bootstrap, "benchmark-load", -1); // as the services' outbox relay
    }

    /** Observes each interaction whose interaction-ended was just sent (probes), with the send time. */
    interface EndListener {
        void ended(String interactionId, long sentAtMillis);
    }

    /**
     * Sends at {@code rate} events/s for {@code seconds}, or until {@code stop} says so; returns the
     * number sent. Every {@code probeEvery}-th interaction's end is reported to {@code listener}.
     */
    long run(double rate, double seconds, int probeEvery, EndListener listener, java.util.function.BooleanSupplier stop) {
        long start = System.nanoTime();
        // whole blocks only, so that every synthetic interaction also ends
        long block = 4L * WINDOW;
        long total = Math.max(block, (long) Math.ceil(rate * seconds / block) * block);
        long n = 0;
        while (n < total && !stop.getAsBoolean()) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            long due = Math.min(total, (long) (elapsed * rate));
            while (n < due) {
                send(n, probeEvery, listener);
                n++;
            }
            Benchmark.sleep(1);
        }
        producer.flush();
        sent += n;
        return n;
    }

    private void send(long k, int probeEvery, EndListener listener) {
        long block = k / (4L * WINDOW);
        int phase = (int) ((k / WINDOW) % 4);
        long index = block * WINDOW + (k % WINDOW);
        String id = SYNTHETIC_PREFIX + run + "-" + index;
        Instant now = Instant.now();
        ObjectNode data = Http.JSON.createObjectNode();
        data.put("tenantId", tenant);
        data.put("interactionId", id);
        String type;
        switch (phase) {
            case 0 -> {
                type = EventTypes.INTERACTION_STARTED;
                data.put("channel", "VOICE");
                data.put("flowId", flowId);
                data.put("flowName", "Benchmark load");
                data.put("silentMonitoring", true);
                data.put("agentId", "syn-agent-" + (index % 500));
                data.put("agentName", "Synthetic Agent " + (index % 500));
                data.put("customer", "+1202555" + String.format("%04d", index % 10000));
                data.put("callId", SYNTHETIC_PREFIX + "call-" + run + "-" + index);
                data.put("startedAt", now.toString());
            }
            case 1, 2 -> {
                type = EventTypes.PARTICIPANT_JOINED;
                boolean agent = phase == 1;
                data.put("participantId", agent ? "syn-agent-" + (index % 500) : "+1202555" + String.format("%04d", index % 10000));
                data.put("role", agent ? "AGENT" : "CUSTOMER");
                data.put("displayName", agent ? "Synthetic Agent " + (index % 500) : "Customer");
                data.put("at", now.toString());
            }
            default -> {
                type = EventTypes.INTERACTION_ENDED;
                data.put("channel", "VOICE");
                data.put("endedBy", "CUSTOMER");
                data.put("endedAt", now.toString());
            }
        }
        ProducerRecord<String, String> record = record(type, id, now, data);
        boolean probe = phase == 3 && listener != null && index % probeEvery == 0;
        producer.send(record, (meta, ex) -> {
            if (ex != null) {
                failed.incrementAndGet();
                lastError = ex.toString();
                return;
            }
            acked.incrementAndGet();
            if (phase == 3) {
                lastOfPartition.put(meta.partition(), id);
                if (probe) {
                    listener.ended(id, meta.timestamp());
                }
            }
        });
    }

    /**
     * Writes one interaction-ended for a real interaction, exactly as interaction-service would, and
     * returns the record's Kafka timestamp (CreateTime).
     */
    long interactionEnded(String interactionId) throws Exception {
        Instant now = Instant.now();
        ObjectNode data = Http.JSON.createObjectNode();
        data.put("tenantId", tenant);
        data.put("interactionId", interactionId);
        data.put("channel", "VOICE");
        data.put("endedBy", "CUSTOMER");
        data.put("endedAt", now.toString());
        return producer.send(record(EventTypes.INTERACTION_ENDED, interactionId, now, data)).get().timestamp();
    }

    /** One event of type {@code type} on interaction-events (key = interaction id), in the services' envelope. */
    static ProducerRecord<String, String> record(String type, String interactionId, String tenant, Instant now, ObjectNode data) {
        return record(UUID.randomUUID().toString(), type, interactionId, tenant, now, null, data);
    }

    /**
     * The one way the benchmark writes an event on interaction-events as interaction-service does (structured-mode
     * CloudEvent, key = interaction id), with its own {@code eventId} and, when not null, {@code timestamp} as the
     * record's CreateTime.
     */
    static ProducerRecord<String, String> record(String eventId, String type, String interactionId, String tenant,
                                                 Instant time, Long timestamp, ObjectNode data) {
        ObjectNode e = Http.JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", eventId);
        e.put("type", type);
        e.put("source", "/benchmark");
        e.put("time", time.toString());
        e.put("subject", interactionId);
        e.put("tenantid", tenant);
        e.put("schemaversion", 1);
        e.put("datacontenttype", "application/json");
        e.put("dataschema", EventTypes.dataschema(type));
        e.set("data", data);
        ProducerRecord<String, String> record = new ProducerRecord<>("interaction-events", null, timestamp, interactionId,
                e.toString());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)); // structured mode
        return record;
    }

    private ProducerRecord<String, String> record(String type, String interactionId, Instant now, ObjectNode data) {
        return record(type, interactionId, tenant, now, data);
    }

    /** The ids of this load's synthetic interactions start with this (monitoring-service's interaction_id). */
    String idPrefix() {
        return SYNTHETIC_PREFIX + run + "-";
    }

    /** Interactions written by {@link #run} so far (4 events each). */
    long interactions() {
        return sent / 4;
    }

    /** Sends one record with this load's producer (acks=all, idempotent, as the outbox relay). */
    void send(ProducerRecord<String, String> record, org.apache.kafka.clients.producer.Callback callback) {
        producer.send(record, callback);
    }

    void flush() {
        producer.flush();
    }

    long acked() {
        return acked.get();
    }

    long failed() {
        return failed.get();
    }

    String lastError() {
        return lastError;
    }

    /** The synthetic interactions whose interaction-ended is the last synthetic event of its partition. */
    Map<Integer, String> lastOfPartition() {
        return Map.copyOf(lastOfPartition);
    }

    @Override
    public void close() {
        producer.close();
    }
}
