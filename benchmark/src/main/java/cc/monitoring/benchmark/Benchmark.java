package cc.monitoring.benchmark;

import cc.monitoring.benchmark.Http.Answer;
import cc.monitoring.benchmark.Observer.Seen;
import cc.monitoring.benchmark.Setup.User;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A benchmark command (not a test) against the RUNNING local stack. Phases:
 * <ol>
 *   <li>reference: the raw Kafka produce → consume round trip on the same broker, idle;</li>
 *   <li>latency: N concurrent simulated calls, M supervisors monitoring them M at a time
 *       (start request → monitor-joined; interaction-ended → monitor-ended), observed on Kafka;</li>
 *   <li>throughput: synthetic interaction-events at R events/s for S seconds; how fast
 *       monitoring-service processes them (probes through its REST API, committed-offset lag);</li>
 *   <li>steady load: B events/s in the background for S seconds while supervisors monitor calls
 *       and the calls end; the Kafka round trip again, under the same load.</li>
 * </ol>
 * Stops by itself; hangs up its calls and ends its sessions on the way out.
 */
public final class Benchmark {

    record Call(String callId, String interactionId) {
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration JOIN_WAIT = Duration.ofSeconds(10);
    private final java.util.concurrent.atomic.AtomicInteger notJoined = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger sessionsStarted = new java.util.concurrent.atomic.AtomicInteger();
    private static final double TARGET_RATE = 1000;
    private static final double TARGET_END_P99_MS = 250;

    private final Options o;
    private final Setup setup;
    private final ExecutorService pool;
    private final Set<String> liveCalls = ConcurrentHashMap.newKeySet();
    private final Map<String, String> liveSessions = new ConcurrentHashMap<>(); // session id → token
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private Observer observer;
    private Load injector;
    private List<User> supervisors;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String adminToken;
    /** The tenant's phone simulator (OPERATE_SIMULATOR): places and hangs up the calls, never a person (B07). */
    private String simulatorToken;
    private final Instant started = Instant.now();

    private Benchmark(Options o) {
        this.o = o;
        this.setup = new Setup(o);
        this.pool = Executors.newFixedThreadPool(Math.max(8, o.supervisors));
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o.gatewayStreams > 0) {
            System.exit(gatewayStreams(o));
            return;
        }
        int rc = 0;
        Benchmark b = new Benchmark(o);
        try {
            if (o.profile.equals("full")) {
                b.runFull();
            } else {
                b.run();
            }
        } catch (Exception e) {
            System.out.println();
            System.out.println("BENCHMARK FAILED: " + e);
            rc = 1;
        } finally {
            b.cleanUp();
        }
        System.exit(rc);
    }

    /** Only the gateway scenario (see {@link GatewayStreams}). */
    private static int gatewayStreams(Options o) {
        GatewayStreams scenario = new GatewayStreams(o);
        try {
            scenario.run();
            return 0;
        } catch (Exception e) {
            System.out.println();
            System.out.println("BENCHMARK FAILED: " + e);
            return 1;
        } finally {
            scenario.close();
        }
    }

    // ------------------------------------------------------------------ run

    /** The benchmark's tenant (idempotent): its administrator, supervisors and flows; waits until monitoring-service knows them. */
    private void setUpTenant() {
        say("Setup: tenant '" + o.tenant + "' in Keycloak (admin REST API) and permission-service");
        Instant t = Instant.now();
        supervisors = setup.supervisors(o.tenant, o.tenant + "-admin");
        adminToken = setup.token(o.tenant + "-admin");
        setup.flow(adminToken, o.tenant);
        setup.flow(adminToken, o.tenant + "-load");
        for (User s : supervisors) {
            String token = setup.token(s.username());
            tokens.put(s.id(), token);
            setup.awaitKnownToMonitoring(token, s);
        }
        say("  " + o.tenant + "-admin + " + supervisors.size() + " supervisors (" + supervisors.get(0).username()
                + " .. " + supervisors.get(supervisors.size() - 1).username() + "), flows '" + o.tenant + "' and '"
                + o.tenant + "-load' with silent monitoring; monitoring-service knows them (" + millis(t) + " ms)");
    }

    private void run() throws Exception {
        say("Benchmark against the running stack (" + Runtime.getRuntime().availableProcessors() + " cores): "
                + o.calls + " calls, " + o.supervisors + " supervisors, load " + (int) o.rate + " events/s for "
                + (int) o.duration + " s, background " + (int) o.backgroundRate + " events/s for " + (int) o.duration + " s");
        say("Timestamps: Kafka record timestamps (CreateTime, set by the producing service's Kafka client when it"
                + " sends; same host clock); 'recv' = this consumer's receive time.");
        say("");
        setUpTenant();
        simulatorToken = setup.phoneSimulatorToken(o.tenant, adminToken);
        observer = new Observer(o.kafka, o.tenant);
        observer.start();
        injector = new Load(o.kafka, o.tenant, o.tenant);

        // 1. reference
        say("");
        say("1. Reference: raw Kafka produce → consume round trip, idle (200 msg/s, 10 s)");
        Stats rtIdle = RoundTrip.measure(o.kafka, 200, 10, "Kafka round trip, idle");
        say(rtIdle.line());

        // 2. latency phase
        say("");
        say("2. Latency: " + o.calls + " concurrent calls, " + o.supervisors + " supervisors monitoring " + o.supervisors
                + " at a time; odd rounds: interaction-ended written, even rounds: the customer hangs up");
        Stats startKafka = new Stats("start request → monitor-joined (ACTIVE), Kafka ts");
        Stats startRecv = new Stats("start request → monitor-joined (ACTIVE), recv");
        Stats endKafka = new Stats("interaction-ended → monitor-ended, Kafka ts");
        Stats endRecv = new Stats("interaction-ended → monitor-ended, recv");
        Stats hangKafka = new Stats("customer hang-up request → monitor-ended, Kafka ts");
        Instant t = Instant.now();
        List<Call> calls = placeCalls(o.calls, o.tenant);
        say("  " + calls.size() + " calls placed, seen as interactions by monitoring-service in " + millis(t) + " ms");
        int round = 0;
        for (int i = 0; i < calls.size(); i += o.supervisors) {
            boolean inject = round++ % 2 == 0;
            cycle(calls.subList(i, Math.min(calls.size(), i + o.supervisors)), startKafka, startRecv,
                    inject ? endKafka : hangKafka, inject ? endRecv : new Stats(""), inject);
        }
        say(startKafka.line());
        say(startRecv.line());
        say(endKafka.line());
        say(endRecv.line());
        say(hangKafka.line());

        // 3. throughput
        say("");
        say("3. Throughput: synthetic interaction-events at " + (int) o.rate + " events/s for " + (int) o.duration
                + " s (tenant " + o.tenant + ", flow " + o.tenant + "-load), consumed by monitoring-service");
        Throughput tp = throughput(o.rate, o.duration);

        // 4. steady background load
        say("");
        say("4. Steady load: " + (int) o.backgroundRate + " events/s in the background for " + (int) o.duration
                + " s while supervisors monitor calls that end");
        Stats startLoaded = new Stats("start request → monitor-joined (ACTIVE), Kafka ts");
        Stats endLoaded = new Stats("interaction-ended → monitor-ended, Kafka ts");
        Stats endLoadedRecv = new Stats("interaction-ended → monitor-ended, recv");
        Stats[] rtLoaded = new Stats[1];
        Stats probesLoaded = new Stats("synthetic interaction-ended → ENDED in monitoring-service");
        AtomicBoolean backgroundDone = new AtomicBoolean();
        Load bg = new Load(o.kafka, o.tenant, o.tenant + "-load");
        Prober prober = new Prober(probesLoaded);
        Future<Long> background = pool.submit(() -> {
            try {
                return bg.run(o.backgroundRate, o.duration, (int) Math.max(1, Math.round(o.backgroundRate / 4)),
                        prober::probe, () -> false);
            } finally {
                backgroundDone.set(true);
            }
        });
        Future<?> rt = pool.submit(() -> {
            rtLoaded[0] = RoundTrip.measure(o.kafka, 200, Math.max(5, o.duration - 10), "Kafka round trip, same load");
            return null;
        });
        int cycles = 0;
        Stats ignore = new Stats("");
        while (!backgroundDone.get()) {
            try {
                List<Call> c = placeCalls(o.supervisors, o.tenant);
                cycle(c, startLoaded, ignore, endLoaded, endLoadedRecv, true);
                cycles++;
            } catch (Exception e) {
                errors.add("cycle: " + (e.getCause() != null ? e.getCause() : e));
            }
        }
        long bgSent = background.get();
        rt.get();
        prober.close();
        bg.close();
        say("  background: " + bgSent + " events; " + cycles + " monitor cycles of " + o.supervisors + " calls");
        say(startLoaded.line());
        say(endLoaded.line());
        say(endLoadedRecv.line());
        say(probesLoaded.line());
        say(rtLoaded[0].line());

        // summary
        say("");
        say("Summary (targets for this 2-core machine):");
        boolean rateMet = tp.sustained() >= 0.95 * TARGET_RATE;
        say(String.format("  sustained through monitoring-service: %.0f events/s at a target load of %.0f events/s"
                + " (target %.0f events/s: %s)", tp.sustained(), o.rate, TARGET_RATE,
                o.rate < TARGET_RATE ? "not tested, --rate below target" : rateMet ? "MET" : "NOT MET"));
        double p99 = endLoaded.percentile(99);
        say(String.format("  p99 interaction-ended → monitor-ended at %.0f events/s: %.1f ms (target < %.0f ms: %s)",
                o.backgroundRate, p99, TARGET_END_P99_MS, p99 < TARGET_END_P99_MS ? "MET" : "NOT MET"));
        say(String.format("  reference Kafka round trip p99: %.1f ms idle, %.1f ms under the same load",
                rtIdle.percentile(99), rtLoaded[0].percentile(99)));
        say("  monitoring sessions started: " + sessionsStarted.get() + ", never ACTIVE (no monitor-leg-connected within "
                + JOIN_WAIT.toSeconds() + " s): " + notJoined.get());
        if (!errors.isEmpty()) {
            say("  errors (" + errors.size() + "): " + String.join(" | ", errors.subList(0, Math.min(5, errors.size()))));
        }
        say("Done in " + Duration.between(started, Instant.now()).toSeconds() + " s.");
    }

    // ------------------------------------------------------------------ --profile full (issue 13)

    static final double DURABLE_RATE_GOAL = 5000;
    static final double DURABLE_SECONDS_GOAL = 60;
    static final double PROBE_P99_GOAL_MS = 250;
    static final double MESSAGE_RATE_GOAL = 2000;
    static final double SCALE_RATIO_GOAL = 1.6;

    private final List<Target> targets = new ArrayList<>();
    private final Cpu.Table cpu = new Cpu.Table();
    /** Processes measured besides the launcher's (the scale-out copy while it runs). */
    private final Map<String, Long> extraPids = new ConcurrentHashMap<>();

    /** Runs {@code work} as a phase: CPU of every stack process and the machine before and after, printed. */
    private <T> T phase(String name, java.util.concurrent.Callable<T> work) throws Exception {
        Cpu.Snapshot before = Cpu.now(java.nio.file.Path.of(o.local, "pids"), extraPids);
        try {
            return work.call();
        } finally {
            Cpu.Usage u = Cpu.between(name, before, Cpu.now(java.nio.file.Path.of(o.local, "pids"), extraPids));
            cpu.add(u);
            lastUsage = u;
            say(u.line());
        }
    }

    private void runFull() throws Exception {
        say("Benchmark --profile full (issue 13) against the running stack (" + Runtime.getRuntime().availableProcessors()
                + " cores, load " + Cpu.load1() + "): durable throughput " + (int) o.rate + " events/s for " + (int) o.duration
                + " s, transcript " + (int) o.messageRate + " messages/s for " + (int) o.messageDuration + " s, fan-out "
                + o.consoles + " consoles at " + (int) o.changesPerSecond + " changes/s, table " + o.tableRows + " rows at "
                + (int) o.tableRps + " req/s, scale-out " + (o.scaleOut ? (int) o.scaleRate + " events/s for "
                + (int) o.scaleDuration + " s" : "off"));
        say("");
        setUpTenant();

        // 0. start and memory: before any load changes the services' memory
        say("");
        say("0. Start and memory: " + o.local + "/ready.tsv (the launcher's ready times) and VmRSS of " + o.local + "/pids/*");
        targets.addAll(StartAndMemory.run(java.nio.file.Path.of(o.local)));

        // 1. references
        say("");
        say("1. References: raw broker throughput, durable PostgreSQL writes, Kafka round trip");
        BrokerThroughput.Result broker = phase("broker", () -> BrokerThroughput.measure(o.kafka, 1_500_000, 10));
        say(broker.line());
        DurableWrites.Result writes = phase("pg-writes", () -> DurableWrites.measure(o.jdbcUrl, o.dbUser, o.dbPassword, 8, 10));
        say(writes.line());
        Stats rt = phase("round-trip", () -> RoundTrip.measure(o.kafka, 200, 10, "Kafka round trip, idle (200 msg/s)"));
        say(rt.line());
        References refs = References.of(broker, writes, rt);
        boolean durable = writes.error() == null && writes.durable();
        String notDurable = durable ? "" : writes.error() != null ? " [durability unknown: " + writes.error() + "]"
                : " [NOT DURABLE: fsync=" + writes.fsync() + ", synchronous_commit=" + writes.synchronousCommit() + "]";

        // 2. durable throughput
        say("");
        say("2. Durable throughput: warm-up 10 s at " + (int) Math.min(1000, o.rate) + " events/s (not measured), then "
                + (int) o.rate + " events/s for " + (int) o.duration + " s, probes (5/s) during the load");
        phase("warm-up", () -> throughput(Math.min(1000, o.rate), 10, 1, 60));
        Throughput tp = phase("throughput", () -> throughput(o.rate, o.duration, 5));
        Cpu.Usage tpCpu = lastUsage();
        ScaleOut.Count tpCount = ScaleOut.count(o, tp.idPrefix());
        say(lostLine(tp, tpCount));
        boolean longEnough = o.rate >= DURABLE_RATE_GOAL && o.duration >= DURABLE_SECONDS_GOAL;
        String shortRun = longEnough ? "" : " [run below the goal: --rate " + (int) o.rate + " --duration " + (int) o.duration + "]";
        targets.add(new Target("durable throughput: monitoring-service sustained", "≥ 5,000 events/s for 60 s, fsync on",
                tp.caughtUp() ? String.format("%,.0f events/s", tp.sustained()) : "did not catch up within 180 s",
                durable && longEnough && tp.caughtUp() && tp.sustained() >= 0.99 * DURABLE_RATE_GOAL,
                join(refs.ofBroker(tp.sustained()), refs.perDurableCommit(tp.sustained())) + notDurable + shortRun));
        double probeP99 = tp.probes().percentile(99);
        targets.add(new Target("durable throughput: interaction-ended → ENDED p99 during the load", "< 250 ms",
                tp.probes().count() == 0 ? "no probes" : String.format("%.0f ms (n=%d)", probeP99, tp.probes().count()),
                durable && longEnough && tp.probes().count() > 0 && probeP99 < PROBE_P99_GOAL_MS,
                (refs.kafkaRoundTripP99Ms() > 0 ? String.format("%.1f× the Kafka round-trip p99 (%.1f ms)",
                        probeP99 / refs.kafkaRoundTripP99Ms(), refs.kafkaRoundTripP99Ms()) : "") + notDurable + shortRun));

        // 3. transcript
        refreshTokens();
        say("");
        say("3. Transcript: " + (int) o.messageRate + " message-posted/s for " + (int) o.messageDuration + " s over "
                + TranscriptLoad.CHATS + " chats, " + o.transcriptStreams + " transcript streams open");
        List<String> supTokens = new ArrayList<>(tokens.values());
        TranscriptLoad.Result tr = phase("transcript", () -> new TranscriptLoad(o, supTokens).run(o.messageRate,
                o.messageDuration, o.transcriptStreams));
        if (tr.problem() != null) {
            say("  not measured: " + tr.problem());
            targets.add(new Target("transcript: transcript-service sustained", "≥ 2,000 messages/s", "not measured: "
                    + tr.problem(), false, ""));
            targets.add(new Target("transcript: message → stream p99", "< 250 ms", "not measured", false, ""));
        } else {
            boolean all = tr.delivered() == tr.expected() && tr.expected() > 0;
            targets.add(new Target("transcript: transcript-service sustained", "≥ 2,000 messages/s",
                    all ? String.format("%,.0f messages/s", tr.sustained())
                            : String.format("%d of %d streamed messages missing", tr.expected() - tr.delivered(), tr.expected()),
                    durable && all && o.messageRate >= MESSAGE_RATE_GOAL && tr.sustained() >= 0.99 * MESSAGE_RATE_GOAL,
                    join(refs.ofBroker(tr.sustained()), refs.perDurableCommit(tr.sustained())) + notDurable));
            double p99 = tr.latency().percentile(99);
            targets.add(new Target("transcript: message → stream p99", "< 250 ms",
                    tr.latency().count() == 0 ? "no samples" : String.format("%.0f ms (n=%d)", p99, tr.latency().count()),
                    durable && all && p99 < TranscriptLoad.P99_GOAL_MS, notDurable.trim()));
        }

        // 4. fan-out, 5. table (their own phases)
        say("");
        say("4. Fan-out: " + o.consoles + " consoles, " + (int) o.changesPerSecond + " table changes/s");
        targets.addAll(phase("fan-out", () -> orNotMet("fan-out", () -> FanOut.run(o, setup, refs))));
        say("");
        say("5. Table: " + o.tableRows + " interactions in one tenant, " + (int) o.tableRps + " requests/s");
        targets.addAll(phase("table", () -> orNotMet("table", () -> TableLoad.run(o, setup, refs))));

        // 6. scale-out
        refreshTokens();
        say("");
        if (o.scaleOut) {
            say("6. Scale-out: " + (int) o.scaleRate + " events/s for " + (int) o.scaleDuration
                    + " s with one monitoring-service instance, then with two");
            scaleOut(refs, tpCpu, tp);
        } else {
            say("6. Scale-out: skipped (--scale-out false)");
            targets.add(new Target("scale-out: two instances ≥ 1.6× one", "≥ 1.6× (with the cores for it)", "not measured (skipped)", false, ""));
            targets.add(new Target("scale-out: two instances lose nothing", "every interaction ENDED", "not measured (skipped)", false, ""));
        }

        // summary
        say("");
        say("CPU per phase (utime + stime of each stack process and its children; machine = busy CPU of all cores):");
        cpu.lines().forEach(Benchmark::say);
        say("");
        say("Summary (issue 13 targets; this run's references in the ratios):");
        targets.forEach(tg -> say(tg.line()));
        long met = targets.stream().filter(Target::met).count();
        say(String.format("  %d of %d targets met", met, targets.size()));
        say("References (same run):");
        say(refs.lines());
        say(broker.line());
        say(writes.line());
        say(rt.line());
        if (!errors.isEmpty()) {
            say("  errors (" + errors.size() + "): " + String.join(" | ", errors.subList(0, Math.min(5, errors.size()))));
        }
        say("Done in " + Duration.between(started, Instant.now()).toSeconds() + " s (load " + Cpu.load1() + ").");
    }

    private Cpu.Usage lastUsage;

    /** New tokens for the supervisors (a full run is longer than some realms' token lifespan). */
    private void refreshTokens() {
        for (User s : supervisors) {
            tokens.put(s.id(), setup.token(s.username()));
        }
    }

    private Cpu.Usage lastUsage() {
        return lastUsage;
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + "; " + b;
    }

    private String lostLine(Throughput tp, ScaleOut.Count c) {
        if (c.error() != null) {
            return "  lost check (monitoring.interaction): not possible: " + c.error();
        }
        return String.format("  lost check (monitoring.interaction, ids %s*): %d of %d synthetic interactions present, %d ENDED",
                tp.idPrefix(), c.total(), tp.interactions(), c.ended());
    }

    /** A phase of another module: its targets, or one NOT MET target with the reason when it failed. */
    private List<Target> orNotMet(String name, java.util.concurrent.Callable<List<Target>> run) {
        try {
            List<Target> t = run.call();
            if (t == null || t.isEmpty()) {
                say("  (no targets returned: the phase is not implemented yet)");
                return List.of(new Target(name + ": phase", "its targets", "not measured (phase returned no targets)", false, ""));
            }
            return t;
        } catch (Exception e) {
            say("  " + name + " failed: " + e);
            return List.of(new Target(name + ": phase", "its targets", "not measured: failed: " + e, false, ""));
        }
    }

    private void scaleOut(References refs, Cpu.Usage tpCpu, Throughput tp) throws Exception {
        try (ScaleOut so = new ScaleOut(o)) {
            so.awaitAssignment(1, 0, 30_000, "one instance");
            int membersOfOne = so.lastMembers().size();
            Throughput one = phase("scale: 1 inst", () -> throughput(o.scaleRate, o.scaleDuration, 2));
            Cpu.Usage oneCpu = lastUsage();
            String problem = so.startCopy();
            if (problem != null) {
                say("  " + problem);
                so.stopCopy();
                targets.add(new Target("scale-out: two instances ≥ 1.6× one", "≥ 1.6× (with the cores for it)",
                        "not measured: " + problem, false, ""));
                targets.add(new Target("scale-out: two instances lose nothing", "every interaction ENDED", "not measured: " + problem, false, ""));
                return;
            }
            extraPids.put(ScaleOut.SERVICE + "-" + ScaleOut.INSTANCE_ID, so.copyPid());
            boolean split = so.awaitAssignment(2, 0, 60_000, "two instances");
            Throughput two = phase("scale: 2 inst", () -> throughput(o.scaleRate, o.scaleDuration, 2));
            ScaleOut.Count count = ScaleOut.count(o, two.idPrefix());
            say(lostLine(two, count));
            say("  stopping the copy: " + so.stopCopy());
            extraPids.clear();
            boolean back = so.awaitAssignment(1, membersOfOne, 60_000, "after the copy stopped");
            say("  the group " + (back ? "rebalanced back to one instance" : "did NOT rebalance back to one instance within 60 s"));

            double ratio = one.sustained() <= 0 ? 0 : two.sustained() / one.sustained();
            String expected = expectedRatio(one, oneCpu);
            if (one.caughtUp() && one.sustained() >= 0.99 * o.scaleRate) {
                expected += String.format("; but one instance kept up with the offered %,.0f events/s (not saturated):"
                        + " two cannot show more than 1.0× at this rate (raise --scale-rate)", o.scaleRate);
            }
            say("  sustained: one instance " + String.format("%,.0f", one.sustained()) + " events/s, two instances "
                    + String.format("%,.0f", two.sustained()) + " events/s → " + String.format("%.2f×", ratio));
            say("  expected: " + expected);
            int cores = Runtime.getRuntime().availableProcessors();
            targets.add(new Target("scale-out: two instances ≥ 1.6× one", "≥ 1.6× (with the cores for it)",
                    String.format("%.2f× (%,.0f → %,.0f events/s)", ratio, one.sustained(), two.sustained()),
                    ratio >= SCALE_RATIO_GOAL, (cores <= 2 ? "not expected on " + cores + " cores; " : "") + expected));
            boolean nothingLost = count.error() == null && count.total() == two.interactions() && count.ended() == two.interactions();
            targets.add(new Target("scale-out: two instances lose nothing", "every interaction ENDED",
                    count.error() != null ? "not checked: " + count.error()
                            : String.format("%d of %d ENDED%s", count.ended(), two.interactions(),
                            split ? ", partitions split" : ", partitions NOT split"),
                    nothingLost && split, back ? "group rebalanced back to one instance" : "group did not rebalance back"));
        }
    }

    /**
     * The expected two-instance ratio from the measured per-event cost: monitoring-service CPU seconds per event
     * and the whole machine's busy CPU seconds per event during the one-instance run; two instances can at most
     * double one, and the machine cannot exceed cores / (machine CPU s per event).
     */
    static String expectedRatio(Throughput one, Cpu.Usage u) {
        if (one.events() == 0 || u == null || one.sustained() <= 0) {
            return "expected ratio not computed (no one-instance measurement)";
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return expectedRatio(one.sustained(), one.events(), u.of(ScaleOut.SERVICE), u.machineBusySeconds(), cores);
    }

    static String expectedRatio(double sustained, long events, double serviceCpuSeconds, double machineCpuSeconds, int cores) {
        double perEvent = serviceCpuSeconds / events;
        double machinePerEvent = machineCpuSeconds / events;
        double ceiling = machinePerEvent <= 0 ? Double.POSITIVE_INFINITY : cores / machinePerEvent;
        double expectedTwo = Math.min(2 * sustained, ceiling);
        return String.format("monitoring-service %.0f µs CPU/event, machine %.0f µs CPU/event → %d cores / %.0f µs"
                        + " = %,.0f events/s ceiling; expected with two = min(2 × %,.0f, %,.0f) = %,.0f → %.2f×",
                perEvent * 1e6, machinePerEvent * 1e6, cores, machinePerEvent * 1e6, ceiling, sustained, ceiling, expectedTwo,
                expectedTwo / sustained);
    }

    // ------------------------------------------------------------------ calls and sessions

    private List<Call> placeCalls(int n, String flowId) throws Exception {
        List<Future<Call>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int agent = i;
            fs.add(pool.submit(() -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("flowId", flowId);
                body.put("agentId", o.tenant + "-agent-" + agent);
                body.put("agentName", "Bench Agent " + agent);
                body.put("customerNumber", "+1202555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000)));
                Answer a = Http.post(o.telephonyGateway + "/api/telephony/calls", simulatorToken, body);
                if (a.status() != 201) {
                    throw new IllegalStateException("POST /api/telephony/calls: " + a);
                }
                String callId = a.json().path("callId").asText();
                liveCalls.add(callId);
                String interactionId = await(observer.interactionOfCall(callId), WAIT, "interaction-started of call " + callId);
                // monitoring-service learns it from interaction-events too: wait until it can be monitored
                String token = tokens.values().iterator().next();
                long deadline = System.currentTimeMillis() + WAIT.toMillis();
                while (!Http.get(o.monitoringService + "/api/monitoring/interactions/" + interactionId, token).ok()) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("monitoring-service does not know interaction " + interactionId);
                    }
                    sleep(10);
                }
                return new Call(callId, interactionId);
            }));
        }
        List<Call> calls = new ArrayList<>();
        for (Future<Call> f : fs) {
            calls.add(f.get());
        }
        return calls;
    }

    /** Each supervisor monitors one of the calls (in parallel), then every call's customer hangs up. */
    /**
     * Each supervisor monitors one of the calls (in parallel); then, with {@code inject}, an
     * interaction-ended is written for each interaction as interaction-service would (measured:
     * its Kafka timestamp → monitor-ended's) and the calls are hung up afterwards; without, the
     * customer hangs up (measured: the hang-up request → monitor-ended, end to end).
     */
    private void cycle(List<Call> calls, Stats startKafka, Stats startRecv, Stats endKafka, Stats endRecv,
                       boolean inject) throws Exception {
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            User sup = supervisors.get(i);
            Call call = calls.get(i);
            starts.add(pool.submit(() -> {
                String token = tokens.get(sup.id());
                long t0 = System.currentTimeMillis();
                Answer a = Http.post(o.monitoringService + "/api/monitoring/sessions", token,
                        Map.of("interactionId", call.interactionId(), "extension", sup.extension()));
                if (a.status() != 201) {
                    errors.add("start " + sup.username() + ": " + a);
                    return null;
                }
                String sessionId = a.json().path("sessionId").asText();
                sessionsStarted.incrementAndGet();
                liveSessions.put(sessionId, token);
                Seen joined;
                try {
                    joined = observer.monitorJoined(sessionId).get(JOIN_WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    notJoined.incrementAndGet();
                    errors.add("session " + sessionId + " of " + sup.username() + " not ACTIVE after "
                            + JOIN_WAIT.toSeconds() + " s (call " + call.callId() + "); ended");
                    Http.delete(o.monitoringService + "/api/monitoring/sessions/" + sessionId, token);
                    liveSessions.remove(sessionId);
                    return null;
                }
                startKafka.add(joined.kafkaTs() - t0);
                startRecv.add(joined.receivedAt() - t0);
                return sessionId;
            }));
        }
        List<String> sessions = new ArrayList<>();
        for (Future<String> f : starts) {
            sessions.add(f.get());
        }
        List<Future<?>> ends = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            String sessionId = sessions.get(i);
            ends.add(pool.submit(() -> {
                if (inject && sessionId != null) {
                    long endedTs = injector.interactionEnded(call.interactionId());
                    Seen ended = await(observer.interactionEnded(call.interactionId()), WAIT,
                            "interaction-ended of " + call.interactionId());
                    Seen monitorEnded = await(observer.monitorEnded(sessionId), WAIT, "monitor-ended of session " + sessionId);
                    liveSessions.remove(sessionId);
                    if (!"INTERACTION_ENDED".equals(monitorEnded.detail())) {
                        errors.add("session " + sessionId + " ended " + monitorEnded.detail());
                    }
                    endKafka.add(monitorEnded.kafkaTs() - endedTs);
                    endRecv.add(monitorEnded.receivedAt() - ended.receivedAt());
                }
                long t0 = System.currentTimeMillis();
                Answer a = Http.post(o.telephonyGateway + "/api/telephony/calls/" + call.callId() + "/hangup", simulatorToken,
                        Map.of("by", "CUSTOMER"));
                if (!a.ok()) {
                    errors.add("hang up " + call.callId() + ": " + a);
                    return null;
                }
                liveCalls.remove(call.callId());
                if (!inject && sessionId != null) {
                    Seen monitorEnded = await(observer.monitorEnded(sessionId), WAIT, "monitor-ended of session " + sessionId);
                    liveSessions.remove(sessionId);
                    endKafka.add(monitorEnded.kafkaTs() - t0);
                    endRecv.add(monitorEnded.receivedAt() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : ends) {
            f.get();
        }
    }

    // ------------------------------------------------------------------ throughput

    /**
     * One throughput run: events sent, produce rate, sustained rate, catch-up after the load, max committed lag,
     * the probes (sent during the load), the synthetic ids' prefix and interaction count (for the lost check).
     */
    record Throughput(long events, double produceRate, double sustained, long catchUpMs, long maxLag, Stats probes,
                      String idPrefix, long interactions, boolean caughtUp) {
    }

    private Throughput throughput(double rate, double seconds) throws Exception {
        return throughput(rate, seconds, 1);
    }

    /** {@code probesPerSecond}: synthetic interactions whose end is timed through REST, per second of load. */
    private Throughput throughput(double rate, double seconds, double probesPerSecond) throws Exception {
        return throughput(rate, seconds, probesPerSecond, 180);
    }

    /** {@code catchUpSeconds}: how long after the load monitoring-service may take to process it all. */
    private Throughput throughput(double rate, double seconds, double probesPerSecond, long catchUpSeconds) throws Exception {
        Stats probes = new Stats("synthetic interaction-ended → ENDED in monitoring-service");
        try (Load load = new Load(o.kafka, o.tenant, o.tenant + "-load");
             LagSampler lag = new LagSampler(o.kafka, "interaction-events", "monitoring-service", 250).start();
             Prober prober = new Prober(probes, probesPerSecond > 1 ? 4 : 1)) {
            long loadStart = System.currentTimeMillis();
            int probeEvery = (int) Math.max(1, Math.round(rate / 4 / probesPerSecond));
            long sent = load.run(rate, seconds, probeEvery, prober::probe, () -> false);
            long loadEnd = System.currentTimeMillis();
            double produceRate = sent / ((loadEnd - loadStart) / 1000.0);
            say(String.format("  produced %d events in %.1f s (%.0f events/s, %d acked, %d failed%s)", sent,
                    (loadEnd - loadStart) / 1000.0, produceRate, load.acked(), load.failed(),
                    load.failed() > 0 ? ": " + load.lastError() : ""));
            // caught up = the last synthetic interaction of every partition is ENDED in monitoring-service
            long caughtUp = loadEnd;
            long deadline = loadEnd + catchUpSeconds * 1000;
            boolean all = true;
            for (String id : load.lastOfPartition().values()) {
                long at = prober.awaitEnded(id, deadline);
                all &= at > 0;
                caughtUp = Math.max(caughtUp, at);
            }
            long catchUp = caughtUp - loadEnd;
            double sustained = sent / ((caughtUp - loadStart) / 1000.0);
            long maxLag = lag.samples().stream().mapToLong(LagSampler.Sample::lag).max().orElse(-1);
            long lagAtEnd = lag.samples().stream().filter(s -> s.at() <= loadEnd + 250)
                    .reduce((a, b) -> b).map(LagSampler.Sample::lag).orElse(-1L);
            say(String.format("  monitoring-service had processed all of them %.2f s after the load ended → %.0f events/s"
                    + " sustained (events / (caught up − load start))", catchUp / 1000.0, sustained));
            say("  committed-offset lag of group monitoring-service on interaction-events: max " + maxLag
                    + ", at load end " + lagAtEnd + " (commits every ~5 s, so an upper bound)");
            prober.close();
            say(probes.line());
            return new Throughput(sent, produceRate, all ? sustained : 0, catchUp, maxLag, probes, load.idPrefix(),
                    load.interactions(), all);
        }
    }

    /**
     * Probes monitoring-service's read model through its REST API: a synthetic interaction counts as
     * processed when {@code GET /api/monitoring/interactions/{id}} shows it ENDED. One thread, probes in
     * order (about one per second), polled every 20 ms.
     */
    private final class Prober implements AutoCloseable {
        private final Stats stats;
        private final LinkedBlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Prober(Stats stats) {
            this(stats, 1);
        }

        /** {@code parallel} threads take the probes in turn (a slow probe does not delay the next ones). */
        Prober(Stats stats, int parallel) {
            this.stats = stats;
            for (int i = 0; i < parallel; i++) {
                threads.add(prober(i));
            }
        }

        private Thread prober(int i) {
            Thread thread = new Thread(() -> {
                while (running || !queue.isEmpty()) {
                    Object[] p;
                    try {
                        p = queue.poll(100, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (p != null) {
                        long endedAt = awaitEnded((String) p[0], System.currentTimeMillis() + 120_000);
                        if (endedAt > 0) {
                            stats.add(endedAt - (Long) p[1]);
                        }
                    }
                }
            }, "benchmark-prober-" + i);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        void probe(String interactionId, long sentAt) {
            queue.add(new Object[] {interactionId, sentAt});
        }

        /** When the interaction was first seen ENDED (wall clock, ms), or -1 at the deadline. */
        long awaitEnded(String interactionId, long deadline) {
            String token = tokens.values().iterator().next();
            while (System.currentTimeMillis() < deadline) {
                Answer a = Http.get(o.monitoringService + "/api/monitoring/interactions/" + interactionId, token);
                if (a.ok()) {
                    JsonNode d = a.json().path("details");
                    if ("ENDED".equals(d.path("state").asText())) {
                        return System.currentTimeMillis();
                    }
                }
                sleep(20);
            }
            errors.add("synthetic interaction " + interactionId + " not ENDED in monitoring-service in time");
            return -1;
        }

        @Override
        public void close() {
            running = false;
            for (Thread thread : threads) {
                try {
                    thread.join(130_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    // ------------------------------------------------------------------ clean-up, helpers

    private void cleanUp() {
        for (Map.Entry<String, String> s : liveSessions.entrySet()) {
            Http.delete(o.monitoringService + "/api/monitoring/sessions/" + s.getKey(), s.getValue());
        }
        if (simulatorToken != null) {
            for (String call : liveCalls) {
                Http.post(o.telephonyGateway + "/api/telephony/calls/" + call + "/hangup", simulatorToken, Map.of("by", "CUSTOMER"));
            }
        }
        if (!liveCalls.isEmpty() || !liveSessions.isEmpty()) {
            say("(cleaned up: " + liveCalls.size() + " call(s) hung up, " + liveSessions.size() + " session(s) ended)");
        }
        if (observer != null) {
            observer.close();
        }
        if (injector != null) {
            injector.close();
        }
        pool.shutdownNow();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f, Duration max, String what) throws Exception {
        try {
            return f.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no " + what + " within " + max.toSeconds() + " s");
        }
    }

    private static long millis(Instant since) {
        return Duration.between(since, Instant.now()).toMillis();
    }

    static void say(String s) {
        System.out.println(s);
        System.out.flush();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
