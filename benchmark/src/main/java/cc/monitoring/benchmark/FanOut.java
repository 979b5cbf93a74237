package cc.monitoring.benchmark;

import cc.monitoring.benchmark.Setup.User;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The fan-out phase of {@code --profile full}: N consoles (live streams spread over tenants) while the table
 * changes C times per second; each change must reach every affected console within p99 500 ms as a row delta.
 * <p>
 * N = {@code --consoles} streams ({@code GET /api/monitoring/stream}) straight to monitoring-service (plain
 * sockets, one small thread each; the gateway's per-address caps are not what is measured here), spread over
 * several tenants of their own with at most {@code --streams-per-user} streams per supervisor. Each tenant has
 * a few synthetic chat interactions; a change is a message-posted on one of them (through Kafka, as
 * interaction-service writes it) whose sequence number the row's {@code lastMessageSeq} carries, so every
 * console can tell which change reached it. Latency: the record's timestamp (set by this producer) → the
 * arrival of the row on each console of that tenant. A later change of the same row that reaches a console
 * first also delivers the earlier ones (a console shows the newest row). monitoring-service's CPU comes from
 * /proc/&lt;pid&gt;/stat (pid in .local/pids/monitoring-service.pid).
 */
final class FanOut {

    private static final int TENANT_CONSOLES = 250;
    private static final int INTERACTIONS_PER_TENANT = 25;
    private static final double WARM_UP_SECONDS = 5;
    private static final int MAX_MS = 60_000;

    private final Options o;
    private final Setup setup;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicLongArray histogram = new AtomicLongArray(MAX_MS + 1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rowEvents = new AtomicLong();
    private final AtomicLong removals = new AtomicLong();
    private final AtomicLong idOnly = new AtomicLong();
    private final AtomicLong refetches = new AtomicLong();
    private final RawStreams streams = new RawStreams();
    private volatile boolean measuring;

    private FanOut(Options o, Setup setup) {
        this.o = o;
        this.setup = setup;
    }

    /** Runs the phase against the running stack and returns its targets (met or not). */
    static List<Target> run(Options o, Setup setup, References references) throws Exception {
        FanOut phase = new FanOut(o, setup);
        try {
            return phase.measure(references);
        } finally {
            phase.close();
        }
    }

    private record Tenant(String name, List<String> tokens, List<String> interactions, int consoles) {
    }

    private List<Target> measure(References references) throws Exception {
        int tenantCount = Math.max(2, (o.consoles + TENANT_CONSOLES - 1) / TENANT_CONSOLES);
        Benchmark.say("Fan-out: " + o.consoles + " consoles over " + tenantCount + " tenants (<= " + o.streamsPerUser
                + " streams per supervisor), " + o.changesPerSecond + " table changes/s for " + o.duration + " s after "
                + WARM_UP_SECONDS + " s warm-up; load " + loadAverage());
        List<Tenant> tenants = new ArrayList<>();
        int left = o.consoles;
        int savedSupervisors = o.supervisors;
        try (KafkaProducer<String, String> producer = producer()) {
            for (int t = 0; t < tenantCount; t++) {
                int consoles = (left + (tenantCount - t) - 1) / (tenantCount - t);
                left -= consoles;
                String name = o.tenant + "-fan" + (t + 1);
                o.supervisors = Math.max(1, (consoles + o.streamsPerUser - 1) / o.streamsPerUser);
                List<User> supervisors = setup.supervisors(name, name + "-admin");
                List<String> tokens = new ArrayList<>();
                for (User s : supervisors) {
                    String token = setup.token(s.username());
                    setup.awaitKnownToMonitoring(token, s);
                    tokens.add(token);
                }
                List<String> interactions = new ArrayList<>();
                for (int i = 0; i < INTERACTIONS_PER_TENANT; i++) {
                    String id = Load.SYNTHETIC_PREFIX + "fan-" + run + "-" + t + "-" + i;
                    interactions.add(id);
                    producer.send(record(name, id, EventTypes.INTERACTION_STARTED, started(name, id), System.currentTimeMillis()));
                }
                producer.flush();
                tenants.add(new Tenant(name, tokens, interactions, consoles));
                Benchmark.say("  setup: tenant " + name + ": " + supervisors.size() + " supervisors, " + consoles
                        + " consoles, " + interactions.size() + " chats");
            }
            o.supervisors = savedSupervisors;
            awaitInTables(tenants);

            long t0 = System.currentTimeMillis();
            CountDownLatch answered = new CountDownLatch(o.consoles);
            for (Tenant tenant : tenants) {
                for (int c = 0; c < tenant.consoles(); c++) {
                    open(tenant.tokens().get(c / o.streamsPerUser), answered);
                }
            }
            if (!answered.await(120, TimeUnit.SECONDS)) {
                Benchmark.say("  not every stream answered within 120 s");
            }
            Benchmark.say("  streams: " + streams.opened.get() + " open after " + (System.currentTimeMillis() - t0) + " ms, refused "
                    + streams.refused);

            Map<String, Long> sequences = new HashMap<>();
            changes(producer, tenants, sequences, WARM_UP_SECONDS);
            long expected;
            Cpu cpu = Cpu.of(Path.of(".local", "pids", "monitoring-service.pid"));
            measuring = true;
            long start = System.nanoTime();
            expected = changes(producer, tenants, sequences, o.duration);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cores = cpu.coresSince();
            long deadline = System.currentTimeMillis() + 5_000; // stragglers: counted (with their latency) until then
            while (received.get() < expected && System.currentTimeMillis() < deadline) {
                Benchmark.sleep(100);
            }
            measuring = false;
            return report(references, expected, seconds, cores);
        } finally {
            o.supervisors = savedSupervisors;
        }
    }

    /** Sends {@code rate × seconds} message-posted events round-robin over the tenants' chats; returns the (change, console) pairs. */
    private long changes(KafkaProducer<String, String> producer, List<Tenant> tenants, Map<String, Long> sequences,
                         double seconds) {
        long total = Math.max(1, (long) (o.changesPerSecond * seconds));
        long start = System.nanoTime();
        long pairs = 0;
        for (long n = 0; n < total; ) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * o.changesPerSecond) + 1);
            for (; n < due; n++) {
                Tenant tenant = tenants.get((int) (n % tenants.size()));
                String id = tenant.interactions().get((int) ((n / tenants.size()) % tenant.interactions().size()));
                long seq = sequences.merge(id, 1L, Long::sum);
                long now = System.currentTimeMillis();
                if (measuring) {
                    sentAt.put(id + "#" + seq, now);
                    pairs += streams.opened.get() == o.consoles ? tenant.consoles() : consolesOpen(tenant);
                }
                producer.send(record(tenant.name(), id, EventTypes.MESSAGE_POSTED, message(tenant.name(), id, seq), now));
            }
            Benchmark.sleep(2);
        }
        producer.flush();
        return pairs;
    }

    private int consolesOpen(Tenant tenant) {
        return (int) Math.round((double) tenant.consoles() * streams.opened.get() / o.consoles);
    }

    private List<Target> report(References references, long expected, double seconds, double cores) {
        long got = received.get();
        long missing = Math.max(0, expected - got);
        double p50 = percentile(50, expected);
        double p95 = percentile(95, expected);
        double p99 = percentile(99, expected);
        double changesPerSecond = o.changesPerSecond;
        Benchmark.say(String.format("  (change, console) pairs: expected %,d, received %,d (missing %,d) in %.1f s;"
                        + " change → console p50 %s, p95 %s, p99 %s; load %s", expected, got, missing, seconds,
                ms(p50), ms(p95), ms(p99), loadAverage()));
        Benchmark.say(String.format("  table events: %,d with the row, %,d removals, %,d naming only the interaction, %,d refetch {}",
                rowEvents.get(), removals.get(), idOnly.get(), refetches.get()));
        Benchmark.say(String.format("  monitoring-service CPU during the phase: %.2f cores (%.2f CPU-s per s); streams dropped %d",
                cores, cores, streams.dropped.get()));
        List<Target> targets = new ArrayList<>();
        String ratio = references.kafkaRoundTripP99Ms() > 0 && !Double.isInfinite(p99)
                ? String.format("%.1f× the Kafka round-trip p99 (%.1f ms)", p99 / references.kafkaRoundTripP99Ms(),
                references.kafkaRoundTripP99Ms())
                : "";
        targets.add(new Target(String.format("%,d consoles, %s changes/s: change → console p99 < 500 ms", o.consoles,
                trim(changesPerSecond)), "p99 < 500 ms, every (change, console) pair delivered",
                String.format("p99 %s (p50 %s), %,d/%,d pairs", ms(p99), ms(p50), got, expected),
                p99 < 500 && missing == 0, ratio));
        targets.add(new Target("consoles receive row deltas", "table events carry the row, no re-fetch per change",
                String.format("%,d rows, %,d id-only, %,d refetch", rowEvents.get(), idOnly.get(), refetches.get()),
                rowEvents.get() > 0 && idOnly.get() == 0 && refetches.get() <= o.consoles, ""));
        double perThousand = got == 0 ? 0 : cores * seconds * 1000 / got * 1000;
        targets.add(new Target("monitoring-service CPU during fan-out", "bounded: keeps up with every console",
                String.format("%.2f cores", cores), got >= expected * 0.999 && p99 < 500,
                String.format("%.1f CPU-ms per 1,000 deliveries at load %s", perThousand, loadAverage())));
        return targets;
    }

    /** Nearest-rank percentile over the expected pairs; missing pairs count as never arriving (infinite). */
    private double percentile(double p, long expected) {
        if (expected == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p / 100.0 * expected);
        long seen = 0;
        for (int ms = 0; ms <= MAX_MS; ms++) {
            seen += histogram.get(ms);
            if (seen >= rank) {
                return ms;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Waits until each tenant's table lists its chats (monitoring-service consumed interaction-started). */
    private void awaitInTables(List<Tenant> tenants) {
        for (Tenant tenant : tenants) {
            long end = System.currentTimeMillis() + 60_000;
            while (true) {
                Http.Answer a = Http.get(o.monitoringService + "/api/monitoring/interactions?channel=CHAT&size=100",
                        tenant.tokens().get(0));
                if (a.ok() && tenant.interactions().stream().allMatch(id -> a.body().contains(id))) {
                    break;
                }
                if (System.currentTimeMillis() > end) {
                    throw new IllegalStateException("monitoring-service does not list the chats of " + tenant.name() + ": " + a);
                }
                Benchmark.sleep(250);
            }
        }
    }

    private void open(String token, CountDownLatch answered) {
        Map<String, Long> seen = new HashMap<>(); // read by this stream's thread only
        streams.open(URI.create(o.monitoringService), null, token, answered, "fan-out-console", line -> {
            if (line.startsWith("data:")) {
                onData(line, seen);
            }
        });
    }

    /** One {@code data:} line of a console (chunked framing lines never start with "data:"). */
    private void onData(String line, Map<String, Long> seen) {
        long now = System.currentTimeMillis();
        if (!line.contains("\"interactionId\"")) {
            if (line.contains("{}")) {
                refetches.incrementAndGet();
            }
            return;
        }
        if (line.contains("\"removed\":true")) {
            removals.incrementAndGet();
            return;
        }
        if (!line.contains("\"row\":")) {
            idOnly.incrementAndGet();
            return;
        }
        rowEvents.incrementAndGet();
        String id = between(line, "\"interactionId\":\"", "\"");
        String seqText = between(line, "\"lastMessageSeq\":", ",");
        if (id == null || seqText == null) {
            return;
        }
        long seq = Long.parseLong(seqText.trim());
        long before = seen.getOrDefault(id, 0L);
        if (seq <= before) {
            return;
        }
        seen.put(id, seq);
        if (!measuring) {
            return;
        }
        for (long s = before + 1; s <= seq; s++) {
            Long sent = sentAt.get(id + "#" + s);
            if (sent != null) {
                histogram.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, now - sent)));
                received.incrementAndGet();
            }
        }
    }

    private static String between(String line, String from, String to) {
        int start = line.indexOf(from);
        if (start < 0) {
            return null;
        }
        start += from.length();
        int end = line.indexOf(to, start);
        return end < 0 ? null : line.substring(start, end);
    }

    private KafkaProducer<String, String> producer() {
        return BenchmarkKafka.producer(o.kafka, "benchmark-fan-out", 0);
    }

    private ObjectNode started(String tenant, String id) {
        ObjectNode data = Http.JSON.createObjectNode();
        data.put("tenantId", tenant);
        data.put("interactionId", id);
        data.put("channel", "CHAT");
        data.put("flowId", "fan-out");
        data.put("flowName", "Benchmark fan-out");
        data.put("silentMonitoring", true);
        data.put("agentId", "syn-agent-fan");
        data.put("agentName", "Synthetic Agent");
        data.put("customer", "customer " + id.substring(id.length() - 4));
        data.put("startedAt", Instant.now().toString());
        return data;
    }

    private ObjectNode message(String tenant, String id, long seq) {
        ObjectNode data = Http.JSON.createObjectNode();
        data.put("tenantId", tenant);
        data.put("interactionId", id);
        data.put("messageId", UUID.randomUUID().toString());
        data.put("sequence", seq);
        data.put("authorRole", "CUSTOMER");
        data.put("authorId", "customer");
        data.put("authorName", "Customer");
        data.put("text", "message " + seq);
        data.put("postedAt", Instant.now().toString());
        return data;
    }

    /** A CloudEvent on interaction-events as interaction-service writes it, with {@code timestamp} as its CreateTime. */
    private static ProducerRecord<String, String> record(String tenant, String id, String type, ObjectNode data, long timestamp) {
        return Load.record(UUID.randomUUID().toString(), type, id, tenant, Instant.ofEpochMilli(timestamp), timestamp, data);
    }

    private void close() {
        streams.close();
    }

    /** CPU time of one process from /proc/&lt;pid&gt;/stat (utime + stime), as cores used since it was made. */
    private record Cpu(Path stat, long ticksAtStart, long nanosAtStart) {
        private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

        static Cpu of(Path pidFile) {
            try {
                Path stat = Path.of("/proc", Files.readString(pidFile).trim(), "stat");
                return new Cpu(stat, ticks(stat), System.nanoTime());
            } catch (IOException | RuntimeException e) {
                Benchmark.say("  (no CPU figure: " + pidFile + ": " + e.getMessage() + ")");
                return new Cpu(null, 0, System.nanoTime());
            }
        }

        double coresSince() {
            if (stat == null) {
                return Double.NaN;
            }
            try {
                double seconds = (System.nanoTime() - nanosAtStart) / 1e9;
                return (ticks(stat) - ticksAtStart) / TICKS_PER_SECOND / seconds;
            } catch (IOException e) {
                return Double.NaN;
            }
        }

        private static long ticks(Path stat) throws IOException {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        }
    }

    private static String ms(double value) {
        return Double.isInfinite(value) ? "∞" : Double.isNaN(value) ? "-" : String.format("%.0f ms", value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
