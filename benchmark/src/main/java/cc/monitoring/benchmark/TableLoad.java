package cc.monitoring.benchmark;

import cc.monitoring.contracts.EventTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The table phase of {@code --profile full}: R requests/s of the monitoring table against a tenant with N
 * interactions (first page, the agent filter, deep pages); p99 must stay under 50 ms.
 *
 * <p>Seeds {@code o.tableRows} live interactions in the tenant {@code <o.tenant>-table} (interaction-started and
 * the agent's participant-joined through Kafka, as interaction-service writes them; four channels, 50 agents;
 * skipped when the tenant's table already holds them), waits until monitoring-service shows them, then sends
 * {@code o.tableRps} requests/s for 30 s at a fixed arrival rate (open model: a slow answer does not slow the
 * arrivals; latency is measured from the request's planned start) straight to monitoring-service with a
 * supervisor's token: first pages, the agent filter, the channel filter, deep pages by cursor (keyset) and deep
 * pages by {@code page=} (OFFSET, as the console pages).
 */
final class TableLoad {

    static final double SECONDS = 30;
    static final double GOAL_P99_MS = 50;
    private static final int AGENTS = 50;
    private static final String[] CHANNELS = {"VOICE", "CHAT", "SMS", "MESSAGING"};
    private static final String TABLE = "/api/monitoring/interactions";

    /** One kind of request of the mix and its share of the arrivals. */
    enum Kind {
        FIRST_PAGE(40), AGENT_FILTER(20), CHANNEL_FILTER(15), DEEP_CURSOR(15), DEEP_PAGE(10);

        final int share;

        Kind(int share) {
            this.share = share;
        }

        static Kind pick(int percent) {
            int sum = 0;
            for (Kind k : values()) {
                sum += k.share;
                if (percent < sum) {
                    return k;
                }
            }
            return FIRST_PAGE;
        }
    }

    private TableLoad() {
    }

    /** Runs the phase against the running stack and returns its targets (met or not). */
    static List<Target> run(Options o, Setup setup, References references) throws Exception {
        String tenant = o.tenant + "-table";
        say("Table: tenant '" + tenant + "', " + o.tableRows + " interactions, " + (int) o.tableRps + " requests/s for "
                + (int) SECONDS + " s against " + o.monitoringService);
        List<Setup.User> supervisors = setup.supervisors(tenant, tenant + "-admin");
        Setup.User supervisor = supervisors.get(0);
        String token = setup.token(supervisor.username());
        setup.awaitKnownToMonitoring(token, supervisor);

        long total = total(o, token, "");
        if (total < o.tableRows) {
            Instant t = Instant.now();
            seed(o, tenant, o.tableRows);
            say(String.format("  seeded %,d interactions through Kafka (%d ms); waiting for monitoring-service", o.tableRows,
                    Duration.between(t, Instant.now()).toMillis()));
            Instant end = Instant.now().plusSeconds(600);
            while ((total = total(o, token, "")) < o.tableRows && Instant.now().isBefore(end)) {
                Benchmark.sleep(2000);
            }
            say(String.format("  monitoring-service shows %,d of them (%d s after the start of seeding)", total,
                    Duration.between(t, Instant.now()).toSeconds()));
        } else {
            say(String.format("  the tenant's table already holds %,d interactions: not seeded again", total));
        }
        if (total < o.tableRows) {
            return List.of(new Target("table p99 < 50 ms at " + (int) o.tableRps + " req/s, " + o.tableRows + " interactions",
                    "p99 < 50 ms", "seeding incomplete: " + total + " rows", false, ""));
        }
        long walkStart = System.nanoTime();
        List<String> cursors = cursors(o, token);
        double walkMs = (System.nanoTime() - walkStart) / 1e6;
        say(String.format("  %d cursors of deep positions collected (a walk of the table by 200 rows, one request at a"
                + " time: %.1f ms per page of 200 by cursor; load average %.1f)", cursors.size(),
                walkMs / (cursors.size() + 1), loadAverage()));

        Map<Kind, Stats> stats = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            stats.put(k, new Stats("table " + k.name().toLowerCase().replace('_', ' ')));
        }
        Stats all = new Stats("table, all requests");
        AtomicLong errors = new AtomicLong();
        AtomicLong lastErrorStatus = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int pages = (int) Math.max(1, total / 20);
        long planned = (long) (o.tableRps * SECONDS);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        double loadBefore = loadAverage();
        for (long n = 0; n < planned; n++) {
            long due = start + (long) (n * 1e9 / o.tableRps);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Kind kind = Kind.pick(random.nextInt(100));
            String query = switch (kind) {
                case FIRST_PAGE -> "?size=50";
                case AGENT_FILTER -> "?size=50&agent=tbl-agent-" + random.nextInt(AGENTS);
                case CHANNEL_FILTER -> "?size=50&channel=" + CHANNELS[random.nextInt(CHANNELS.length)];
                case DEEP_CURSOR -> "?size=50&cursor=" + cursors.get(random.nextInt(cursors.size()));
                case DEEP_PAGE -> "?size=20&page=" + (100 + random.nextInt(Math.max(1, pages - 100)));
            };
            HttpRequest request = HttpRequest.newBuilder(URI.create(o.monitoringService + TABLE + query))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build();
            long planned0 = due;
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                double ms = (System.nanoTime() - planned0) / 1e6;
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                    lastErrorStatus.set(e != null ? -1 : r.statusCode());
                    firstError.compareAndSet(null, e != null ? e.getClass().getSimpleName() + ": " + e.getMessage()
                            : "HTTP " + r.statusCode());
                    return;
                }
                stats.get(kind).add(ms);
                all.add(ms);
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).handle((v, e) -> null)
                .get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        double loadAfter = loadAverage();

        stats.values().forEach(s -> say(s.line()));
        say(all.line());
        say(String.format("  %,d requests in %.1f s (%.0f req/s offered), %d errors%s; load average %.1f before, %.1f after",
                planned, seconds, planned / seconds, errors.get(),
                errors.get() > 0 ? " (last HTTP " + lastErrorStatus.get() + ", first: " + firstError.get() + ")" : "",
                loadBefore, loadAfter));
        double p99 = all.percentile(99);
        boolean met = errors.get() == 0 && p99 < GOAL_P99_MS;
        String ratio = String.format("p99 %.0f %% of the 50 ms budget; %.1f ms of the 2 cores per request at %d req/s",
                100 * p99 / GOAL_P99_MS, 2000.0 / o.tableRps, (int) o.tableRps);
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(String.format("table p99 < 50 ms at %d req/s, %,d interactions", (int) o.tableRps,
                o.tableRows), "p99 < 50 ms, no errors", String.format("p99 %.1f ms, %d errors", p99, errors.get()), met,
                ratio));
        for (Kind k : List.of(Kind.AGENT_FILTER, Kind.DEEP_CURSOR, Kind.DEEP_PAGE)) {
            double kp99 = stats.get(k).percentile(99);
            targets.add(new Target("  table " + k.name().toLowerCase().replace('_', ' ') + " p99 < 50 ms", "p99 < 50 ms",
                    String.format("p99 %.1f ms (n=%d)", kp99, stats.get(k).count()), kp99 < GOAL_P99_MS, ""));
        }
        return targets;
    }

    /** The table's total under {@code filter} (e.g. "&agent=x"), or 0 when it does not answer yet. */
    private static long total(Options o, String token, String filter) {
        Http.Answer a = Http.get(o.monitoringService + TABLE + "?size=1" + filter, token);
        return a.ok() ? a.json().path("total").asLong() : 0;
    }

    /** Walks the whole table by 200 rows; every page's cursor, i.e. a position every 200 rows. */
    private static List<String> cursors(Options o, String token) {
        List<String> cursors = new ArrayList<>();
        JsonNode page = Http.get(o.monitoringService + TABLE + "?size=200", token).json();
        while (page.path("hasMore").asBoolean() && cursors.size() < 10_000) {
            String next = page.path("next").asText();
            cursors.add(next);
            Http.Answer a = Http.get(o.monitoringService + TABLE + "?size=200&cursor=" + next, token);
            if (!a.ok()) {
                throw new IllegalStateException("the table's next page: " + a);
            }
            page = a.json();
        }
        if (cursors.isEmpty()) {
            throw new IllegalStateException("the table has no second page: no cursor");
        }
        return cursors;
    }

    /** interaction-started and the agent's participant-joined for interactions tbl-0 .. tbl-(rows-1) (idempotent ids). */
    private static void seed(Options o, String tenant, int rows) {
        Instant base = Instant.now().minusSeconds(rows);
        try (KafkaProducer<String, String> producer = BenchmarkKafka.producer(o.kafka, "benchmark-table-seed", 5)) {
            for (int i = 0; i < rows; i++) {
                String id = tenant + "-tbl-" + i;
                String agent = "tbl-agent-" + (i % AGENTS);
                Instant at = base.plusSeconds(i);
                ObjectNode started = Http.JSON.createObjectNode();
                started.put("tenantId", tenant);
                started.put("interactionId", id);
                started.put("channel", CHANNELS[i % CHANNELS.length]);
                started.put("flowId", tenant);
                started.put("flowName", "Table benchmark");
                started.put("silentMonitoring", true);
                started.put("agentId", agent);
                started.put("agentName", "Table Agent " + (i % AGENTS));
                started.put("customer", "+1303555" + String.format("%04d", (i * 7919) % 10000));
                if (i % CHANNELS.length == 0) {
                    started.put("callId", tenant + "-call-" + i);
                }
                started.put("startedAt", at.toString());
                producer.send(record(tenant, id, EventTypes.INTERACTION_STARTED, started, at));
                ObjectNode joined = Http.JSON.createObjectNode();
                joined.put("tenantId", tenant);
                joined.put("interactionId", id);
                joined.put("participantId", agent);
                joined.put("role", "AGENT");
                joined.put("displayName", "Table Agent " + (i % AGENTS));
                joined.put("at", at.toString());
                producer.send(record(tenant, id, EventTypes.PARTICIPANT_JOINED, joined, at));
            }
            producer.flush();
        }
    }

    private static ProducerRecord<String, String> record(String tenant, String id, String type, ObjectNode data,
                                                         Instant at) {
        return Load.record(UUID.nameUUIDFromBytes((type + id).getBytes(StandardCharsets.UTF_8)).toString(), type, id,
                tenant, at, null, data); // the same ids every time: seeding again applies nothing twice
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
