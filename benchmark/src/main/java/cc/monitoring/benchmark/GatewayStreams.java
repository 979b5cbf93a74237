package cc.monitoring.benchmark;

import cc.monitoring.benchmark.Setup.User;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway-streams scenario ({@code bin/benchmark --gateway-streams N}): ordinary requests through the
 * web gateway while N live streams ({@code GET /api/monitoring/stream}) are open through it.
 *
 * <ol>
 *   <li>REST latency through the gateway with no streams open (the baseline);</li>
 *   <li>N streams opened through the gateway, each from a loopback address of its own
 *       (127.0.0.2, .3, ... at most {@code --streams-per-address} each, the gateway's per-client cap) and
 *       at most {@code --streams-per-user} per supervisor (the services' per-user cap);</li>
 *   <li>REST latency through the gateway again, with the N streams open; streams dropped meanwhile are
 *       counted.</li>
 * </ol>
 * The streams are plain sockets, one small thread each, that read and drop what arrives.
 */
final class GatewayStreams {

    private final Options o;
    private final Setup setup;
    private final RawStreams live = new RawStreams();

    GatewayStreams(Options o) {
        this.o = o;
        this.setup = new Setup(o);
    }

    void run() throws Exception {
        int streams = o.gatewayStreams;
        int users = (streams + o.streamsPerUser - 1) / o.streamsPerUser;
        o.supervisors = users;
        URI gateway = URI.create(o.gateway);
        Benchmark.say("Gateway streams: " + streams + " live streams through " + o.gateway + " (" + users
                + " supervisors x <= " + o.streamsPerUser + ", <= " + o.streamsPerAddress + " per client address), REST p50/p99"
                + " through the gateway before and while they are open; " + Runtime.getRuntime().availableProcessors()
                + " cores, load " + load());
        List<User> supervisors = setup.supervisors(o.tenant, o.tenant + "-admin");
        List<String> tokens = new ArrayList<>();
        for (User s : supervisors) {
            String token = setup.token(s.username());
            tokens.add(token);
            setup.awaitKnownToMonitoring(token, s);
        }
        Benchmark.say("  setup: tenant " + o.tenant + ", " + supervisors.size() + " supervisors known to monitoring-service");

        Stats before = rest(tokens.get(0), "REST through the gateway, no streams open");
        Benchmark.say(before.line());

        long t0 = System.currentTimeMillis();
        CountDownLatch answered = new CountDownLatch(streams);
        for (int i = 0; i < streams; i++) {
            String source = "127.0.0." + (2 + i / o.streamsPerAddress);
            String token = tokens.get(i / o.streamsPerUser);
            open(gateway, source, token, answered);
        }
        if (!answered.await(120, TimeUnit.SECONDS)) {
            Benchmark.say("  not all streams answered within 120 s");
        }
        Benchmark.say("  streams: " + live.opened.get() + " open after " + (System.currentTimeMillis() - t0) + " ms, refused "
                + live.refused + ", dropped " + live.dropped.get());

        Stats during = rest(tokens.get(0), "REST through the gateway, " + live.opened.get() + " streams open");
        Benchmark.say(during.line());
        Benchmark.say("  streams still open at the end: " + (live.opened.get() - live.dropped.get()) + " (dropped meanwhile: "
                + live.dropped.get() + ")");
        Benchmark.say("");
        Benchmark.say(String.format("Summary: REST p99 through the gateway %.1f ms with %d streams open (%.1f ms with none);"
                        + " target < 100 ms: %s; load %s", during.percentile(99), live.opened.get() - live.dropped.get(),
                before.percentile(99), during.percentile(99) < 100 ? "MET" : "NOT MET", load()));
    }

    /** {@code --duration} seconds of GET /api/monitoring/interactions through the gateway, 4 clients at once. */
    private Stats rest(String token, String name) throws Exception {
        Stats stats = new Stats(name);
        AtomicInteger failures = new AtomicInteger();
        long end = System.currentTimeMillis() + (long) (o.duration * 1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(pool.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    long start = System.nanoTime();
                    Http.Answer a = Http.get(o.gateway + "/api/monitoring/interactions?page=0&size=20", token);
                    if (a.ok()) {
                        stats.add((System.nanoTime() - start) / 1e6);
                    } else {
                        failures.incrementAndGet();
                    }
                    Benchmark.sleep(20);
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            Benchmark.say("  " + failures.get() + " REST requests failed (" + name + ")");
        }
        return stats;
    }

    private void open(URI gateway, String source, String token, CountDownLatch answered) {
        try {
            live.open(gateway, InetAddress.getByName(source), token, answered, "stream-" + source, line -> { });
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + source, e);
        }
    }

    void close() {
        int before = live.open();
        live.close();
        if (before > 0) {
            Benchmark.say("(closed " + before + " streams)");
        }
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")), StandardCharsets.US_ASCII)
                    .trim().split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
