package cc.monitoring.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The local stack without Docker: {@code up} starts Kafka, PostgreSQL and Keycloak together, then the built
 * services together (launcher/README.md "Start and memory"; {@code .local/ready.tsv}), seeds the demo data, prints where everything listens and runs until
 * Ctrl-C / SIGTERM, then stops every process it started in reverse order. {@code stop} stops a
 * running stack from another terminal ({@code .local/stack.pid}); {@code status} shows its processes.
 * Environment variables point at existing servers instead: {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code DB_JDBC_URL} (+ {@code DB_USERNAME}, {@code DB_PASSWORD}), {@code OIDC_AUTH_SERVER_URL}.
 */
public final class LocalStack {

    /** A service of the stack: its Maven module (run from its quarkus-run.jar) and HTTP port. */
    public record ServiceSpec(String module, int port) {
    }

    /** The services, started in this order when built. Add a service with one line. */
    static final ServiceSpec[] SERVICES = {
        new ServiceSpec("permission-service", 8081),
        new ServiceSpec("interaction-service", 8082),
        new ServiceSpec("monitoring-service", 8083),
        new ServiceSpec("transcript-service", 8084),
        new ServiceSpec("telephony-gateway", 8085),
        new ServiceSpec("web-gateway", 8080),
    };

    static final String PERMISSION_SERVICE = "permission-service";

    /** How long a service may take to become ready: several start at once, on a machine that may be busy. */
    static final Duration SERVICE_DEADLINE = Duration.ofSeconds(300);

    private final StackPaths paths;
    private final Object lock = new Object();
    private final List<StackComponent> started = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;
    private final boolean playDemo;
    /** {@code simulated} (the default) or {@code twilio}: telephony-gateway on the Twilio adapter, against the double. */
    private final String provider;
    private ReadyFile ready;

    LocalStack(StackPaths paths) {
        this(paths, true, "simulated");
    }

    LocalStack(StackPaths paths, boolean playDemo, String provider) {
        this.paths = paths;
        this.playDemo = playDemo;
        this.provider = provider;
    }

    /** {@code --provider twilio|simulated}, else {@code TELEPHONY_PROVIDER}, else simulated. */
    static String provider(List<String> args) {
        int i = args.indexOf("--provider");
        String chosen = i >= 0 && i + 1 < args.size() ? args.get(i + 1)
                : Optional.ofNullable(env("TELEPHONY_PROVIDER")).orElse("simulated");
        if (!chosen.equals("simulated") && !chosen.equals("twilio")) {
            throw new IllegalArgumentException("unknown telephony provider '" + chosen + "' (simulated or twilio)");
        }
        return chosen;
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        String command = args.length > 0 ? args[0] : "up";
        StackPaths paths = StackPaths.detect();
        int rc;
        switch (command) {
            case "up" -> {
                List<String> options = java.util.Arrays.asList(args);
                rc = new LocalStack(paths, !options.contains("--no-demo"), provider(options)).up();
            }
            case "stop" -> rc = stop(paths);
            case "status" -> rc = status(paths);
            default -> {
                Console.line("usage: LocalStack up [--no-demo] [--provider simulated|twilio] | stop | status");
                rc = 2;
            }
        }
        if (!"up".equals(command) || rc != 0) {
            System.exit(rc);
        }
    }

    private static void quietLibraryLogging() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var h : root.getHandlers()) {
            h.setLevel(Level.WARNING);
        }
    }

    // ------------------------------------------------------------------ up

    int up() {
        Optional<ProcessHandle> running = ManagedProcess.fromPidFile(paths.stackPidFile());
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
            Console.line("A local stack is already running (pid " + running.get().pid() + "). Stop it with: bin/stack stop");
            return 1;
        }
        killOrphans(paths);
        writeStackPid();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "local-stack-shutdown"));

        Instant t0 = Instant.now();
        ready = ReadyFile.fresh(paths);
        Console.progressDots(false); // components start in parallel: one line each when ready
        Console.line("Starting the local stack in " + paths.root() + " (data and logs in "
                + paths.root().relativize(paths.local()) + "/)");
        try {
            // Kafka, PostgreSQL and Keycloak do not need each other: started together
            ExecutorService infra = Executors.newFixedThreadPool(3, daemon("stack-infra"));
            Future<String> kafkaStart = infra.submit(() -> {
                String extKafka = env("KAFKA_BOOTSTRAP_SERVERS");
                if (extKafka != null) {
                    startComponent(new ExternalServer("kafka", "Kafka", extKafka, "KAFKA_BOOTSTRAP_SERVERS"));
                    return extKafka;
                }
                KafkaServer k = new KafkaServer(paths);
                startComponent(k);
                return k.bootstrapServers();
            });
            Future<List<String>> dbStart = infra.submit(() -> {
                String extDb = env("DB_JDBC_URL");
                if (extDb != null) {
                    startComponent(new ExternalServer("postgres", "PostgreSQL", extDb, "DB_JDBC_URL"));
                    return List.of(extDb, Optional.ofNullable(env("DB_USERNAME")).orElse("postgres"),
                            Optional.ofNullable(env("DB_PASSWORD")).orElse("postgres"));
                }
                PostgresServer pg = new PostgresServer(paths);
                startComponent(pg);
                return List.of(pg.jdbcUrl(), pg.username(), pg.password());
            });
            Future<String> oidcStart = infra.submit(() -> {
                String extOidc = env("OIDC_AUTH_SERVER_URL");
                if (extOidc != null) {
                    startComponent(new ExternalServer("keycloak", "Keycloak", extOidc, "OIDC_AUTH_SERVER_URL"));
                    return stripSlash(extOidc);
                }
                KeycloakServer kc = new KeycloakServer(paths).withCds();
                startComponent(kc);
                return kc.issuerUrl();
            });
            infra.shutdown();
            String kafka = await(kafkaStart);
            List<String> db = await(dbStart);
            String issuer = await(oidcStart);

            Map<String, String> serviceEnv = new LinkedHashMap<>(
                    ServiceProcess.stackEnv(kafka, db.get(0), db.get(1), db.get(2), issuer));
            // Workaround until the services set it themselves: the outbox sends the header
            // content-type: application/cloudevents+json, and SmallRye's Kafka connector then hands
            // a structured CloudEvent (JsonObject) to the ConsumerRecords<String, String> consumers
            // (ClassCastException, channel stopped). See docs/pitfalls.md.
            serviceEnv.putIfAbsent("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_CLOUD_EVENTS", "false");
            // Production builds of telephony-gateway have no default provider: the local stack chooses the
            // simulated phone network explicitly, or (--provider twilio) the Twilio adapter against the Twilio double.
            serviceEnv.put("TELEPHONY_PROVIDER", "simulated");
            TwilioDoubleProcess twilio = null;
            if ("twilio".equals(provider)) {
                twilio = new TwilioDoubleProcess(paths, TwilioDoubleProcess.DEFAULT_PORT,
                        "http://127.0.0.1:" + port("telephony-gateway"), DemoSeeder.tenants(paths.root().resolve("deploy/demo-data.json")));
                startComponent(twilio);
            }
            ServiceProcess permissionService = null;
            Map<String, String> serviceUrls = new LinkedHashMap<>();
            List<String> skipped = new ArrayList<>();
            List<ServiceProcess> toStart = new ArrayList<>();
            for (ServiceSpec spec : SERVICES) {
                ServiceProcess s = twilio != null && spec.module().equals("telephony-gateway")
                        ? twilioGateway(spec, serviceEnv, twilio)
                        : new ServiceProcess(paths, spec.module(), spec.port(), serviceEnv, serviceJvmOptions(),
                                SERVICE_DEADLINE);
                if (!s.isBuilt()) {
                    Console.line(String.format("%-22s skipped: %s not built (mvn -B -ntp -DskipTests install)",
                            spec.module(), paths.root().relativize(ServiceProcess.jar(paths, spec.module()))));
                    skipped.add(spec.module());
                    continue;
                }
                toStart.add(s.withCds());
                serviceUrls.put(spec.module(), s.baseUrl());
                if (PERMISSION_SERVICE.equals(spec.module())) {
                    permissionService = s;
                }
            }
            // the services only need the infrastructure, not each other: started together, at most
            // STACK_PARALLEL_STARTS at a time
            ExecutorService services = Executors.newFixedThreadPool(parallelStarts(), daemon("stack-services"));
            List<Future<?>> serviceStarts = new ArrayList<>();
            for (ServiceProcess s : toStart) {
                serviceStarts.add(services.submit(() -> startComponent(s)));
            }
            services.shutdown();
            for (Future<?> f : serviceStarts) {
                await(f);
            }
            Duration total = Duration.between(t0, Instant.now());
            ready.stack(total);

            Console.line("");
            Console.line("Local stack is up in " + Console.seconds(total) + " (" + paths.root().relativize(ready.path()) + "):");
            for (StackComponent c : snapshot()) {
                Console.line("  " + c.describe());
            }
            Console.line("  logs         " + paths.root().relativize(paths.logs()) + "/<name>.log");

            if (twilio != null) {
                serviceUrls.put(TwilioDoubleProcess.NAME, twilio.baseUrl());
            }
            if (permissionService != null) {
                demo(issuer, permissionService, serviceUrls);
            } else {
                Console.line("");
                Console.line("Demo seeding skipped: permission-service is not running.");
            }
            Console.line("");
            printResources();
            Console.line("");
            Console.line("Running. Press Ctrl-C (or run bin/stack stop in another terminal) to stop everything.");
        } catch (StartupException e) {
            boolean interrupted;
            synchronized (lock) {
                interrupted = stopping;
            }
            if (interrupted) { // Ctrl-C / stop during start-up: the shutdown hook does the rest
                awaitStopped();
                return 0;
            }
            Console.line("");
            Console.line("FAILED: " + e.getMessage());
            Console.line("Stopping what was started...");
            System.exit(1); // the shutdown hook stops everything
            return 1;
        }
        awaitStopped();
        return 0;
    }

    /** telephony-gateway on the Twilio adapter, pointed at the double with the demo tenants' accounts. */
    private ServiceProcess twilioGateway(ServiceSpec spec, Map<String, String> serviceEnv, TwilioDoubleProcess twilio) {
        Map<String, String> env = new LinkedHashMap<>(serviceEnv);
        env.putAll(twilio.gatewayEnv());
        List<String> jvm = new ArrayList<>(serviceJvmOptions());
        jvm.addAll(twilio.gatewayJvmOptions());
        return new ServiceProcess(paths, spec.module(), spec.port(), env, jvm, SERVICE_DEADLINE);
    }

    private static int port(String module) {
        for (ServiceSpec spec : SERVICES) {
            if (spec.module().equals(module)) {
                return spec.port();
            }
        }
        throw new IllegalArgumentException(module);
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startComponent(StackComponent c) {
        synchronized (lock) {
            if (stopping) {
                throw new StartupException("stopping");
            }
            started.add(c);
        }
        String label = c instanceof ServiceProcess ? c.name() : switch (c.name()) {
            case "kafka" -> "Kafka";
            case "postgres" -> "PostgreSQL";
            case "keycloak" -> "Keycloak";
            default -> c.name();
        };
        Instant t = Instant.now();
        c.start();
        if (c.managed()) {
            Duration took = Duration.between(t, Instant.now());
            ready.ready(c.name(), took, c.mainPid());
            Console.line(String.format("%-22s ready in %s", label, Console.seconds(took)));
        } else {
            Console.line(String.format("%-22s using %s", label, c.describe().substring(13).trim()));
        }
    }

    /**
     * {@link ServiceProcess#JVM_OPTIONS} plus {@code STACK_SERVICE_JVM_OPTIONS} (space-separated, e.g.
     * {@code -XX:NativeMemoryTracking=summary} to look at a service's memory with {@code jcmd <pid> VM.native_memory}).
     */
    static List<String> serviceJvmOptions() {
        List<String> jvm = new ArrayList<>(ServiceProcess.JVM_OPTIONS);
        String extra = env("STACK_SERVICE_JVM_OPTIONS");
        if (extra != null) {
            jvm.addAll(List.of(extra.split("\\s+")));
        }
        return jvm;
    }

    /**
     * {@code STACK_PARALLEL_STARTS}, by default the number of cores (at least 2): a service's start is mostly CPU
     * (class loading, JIT), so more at once only makes each one slower.
     */
    static int parallelStarts() {
        String v = env("STACK_PARALLEL_STARTS");
        try {
            return v != null ? Math.max(1, Integer.parseInt(v)) : Math.max(2, Runtime.getRuntime().availableProcessors());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("STACK_PARALLEL_STARTS must be a number, not '" + v + "'");
        }
    }

    /** The result of a start running on another thread; its StartupException as is. */
    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StartupException se) {
                throw se;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw new StartupException(re.getMessage(), re);
            }
            throw new StartupException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private List<StackComponent> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(started);
        }
    }

    /** The services the voice demo needs. */
    static final List<String> DEMO_SERVICES = List.of("permission-service", "interaction-service", "monitoring-service",
            "telephony-gateway");

    /** The services the chat demo needs. */
    static final List<String> CHAT_DEMO_SERVICES = List.of("permission-service", "interaction-service", "monitoring-service",
            "transcript-service");

    private void demo(String issuer, ServiceProcess permissionService, Map<String, String> serviceUrls) {
        Path demoData = paths.root().resolve("deploy/demo-data.json");
        Console.line("");
        Console.line("Demo data (" + paths.root().relativize(demoData) + ") through " + permissionService.baseUrl() + ":");
        try {
            DemoSeeder seeder = new DemoSeeder(demoData, issuer, permissionService.baseUrl());
            boolean ok = seeder.seed();
            Console.line("");
            Console.line("Proof:");
            ok &= seeder.proof();
            if (!ok) {
                Console.line("  (some demo steps were refused; the stack keeps running — see above and "
                        + paths.root().relativize(paths.log(PERMISSION_SERVICE)) + ")");
            }
            VoiceDemo voice = null;
            List<String> missing = DEMO_SERVICES.stream().filter(m -> !serviceUrls.containsKey(m)).toList();
            if (!missing.isEmpty()) {
                Console.line("");
                Console.line("Voice monitoring demo skipped: " + String.join(", ", missing) + " not running.");
            } else {
                voice = new VoiceDemo(demoData, issuer, serviceUrls);
                if (playDemo) {
                    Console.line("");
                    Console.line("Voice monitoring demo (bin/stack up --no-demo skips it):");
                    voice.run();
                }
            }
            ChatDemo chat = null;
            List<String> chatMissing = CHAT_DEMO_SERVICES.stream().filter(m -> !serviceUrls.containsKey(m)).toList();
            if (!chatMissing.isEmpty()) {
                Console.line("");
                Console.line("Chat monitoring demo skipped: " + String.join(", ", chatMissing) + " not running.");
            } else {
                chat = new ChatDemo(demoData, issuer, serviceUrls);
                if (playDemo) {
                    Console.line("");
                    Console.line("Chat monitoring demo (bin/stack up --no-demo skips it):");
                    chat.run();
                }
            }
            Console.line("");
            Console.line("Try it (demo users: alice sam sue mona adam anna @acme, gina gus gail @globex; password "
                    + seeder.password() + "; machine identities, client credentials with demo-only secrets:"
                    + " <tenant>-channel-platform, <tenant>-phone-simulator):");
            Console.line(voice != null ? voice.curlExamples() : seeder.curlExamples());
            if (chat != null) {
                Console.line("");
                Console.line(chat.curlExamples(voice == null));
            }
        } catch (RuntimeException e) {
            Console.line("  demo failed: " + e.getMessage() + " (the stack keeps running)");
        }
    }

    private void printResources() {
        Console.line("Processes (start-up time, resident memory):");
        for (StackComponent c : snapshot()) {
            if (!c.managed()) {
                continue;
            }
            for (ProcessHandle h : c.processes()) {
                Console.line(String.format("  %-20s pid %-8d %7s  %6d MB", c.name(), h.pid(),
                        Console.seconds(c.startupTime()), ManagedProcess.rssKb(h) / 1024));
            }
        }
        ProcessHandle self = ProcessHandle.current();
        long own = ManagedProcess.rssOf(self.pid());
        Console.line(String.format("  %-20s pid %-8d %7s  %6d MB", "launcher", self.pid(), "", Math.max(own, 0) / 1024));
    }

    private void shutdown() {
        List<StackComponent> toStop;
        synchronized (lock) {
            stopping = true;
            toStop = new ArrayList<>(started);
        }
        Collections.reverse(toStop);
        if (toStop.stream().anyMatch(StackComponent::managed)) {
            Console.line("");
            Console.line("Stopping the local stack...");
        }
        for (StackComponent c : toStop) {
            if (!c.managed()) {
                continue;
            }
            Instant t = Instant.now();
            try {
                c.stop();
                Console.line(String.format("  %-20s stopped in %s", c.name(), Console.seconds(Duration.between(t, Instant.now()))));
            } catch (RuntimeException e) {
                Console.line("  " + c.name() + ": " + e.getMessage());
            }
        }
        ManagedProcess.deleteQuietly(paths.stackPidFile());
        stopped.countDown();
    }

    private void writeStackPid() {
        try {
            Files.writeString(paths.stackPidFile(), ProcessHandle.current().pid() + System.lineSeparator());
        } catch (IOException e) {
            throw new StartupException("cannot write " + paths.stackPidFile() + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ stop / status

    static int stop(StackPaths paths) {
        Optional<ProcessHandle> launcher = ManagedProcess.fromPidFile(paths.stackPidFile());
        if (launcher.isEmpty()) {
            Console.line("No local stack is running.");
        } else {
            ProcessHandle h = launcher.get();
            Console.print("Stopping the local stack (pid " + h.pid() + ") ");
            h.destroy(); // SIGTERM: its shutdown hook stops every process in reverse order
            Instant end = Instant.now().plusSeconds(150);
            while (h.isAlive() && Instant.now().isBefore(end)) {
                sleep(1000);
                Console.print(".");
            }
            if (h.isAlive()) {
                Console.print(" not stopped in time, killing it");
                h.destroyForcibly();
            }
            Console.line(" stopped.");
        }
        ManagedProcess.deleteQuietly(paths.stackPidFile());
        killOrphans(paths);
        return 0;
    }

    /** Processes left behind by a launcher that was killed hard (pid files in .local/pids). */
    static void killOrphans(StackPaths paths) {
        try (Stream<Path> files = Files.list(paths.pids())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Optional<ProcessHandle> p = ManagedProcess.fromPidFile(f);
                if (p.isPresent() && looksLikeOurs(p.get())) {
                    Console.line("Stopping leftover process " + f.getFileName() + " (pid " + p.get().pid() + ")");
                    ManagedProcess.terminateTree(p.get(), Duration.ofSeconds(20));
                }
                ManagedProcess.deleteQuietly(f);
            }
        } catch (IOException e) {
            // nothing to clean
        }
    }

    private static boolean looksLikeOurs(ProcessHandle h) {
        String cmd = h.info().command().orElse("");
        return cmd.contains("java") || cmd.contains("postgres") || cmd.contains("bash") || cmd.contains("sh");
    }

    static int status(StackPaths paths) {
        Optional<ProcessHandle> launcher = ManagedProcess.fromPidFile(paths.stackPidFile());
        Console.line(launcher.map(h -> "Local stack running (launcher pid " + h.pid() + ")")
                .orElse("No local stack is running."));
        try (Stream<Path> files = Files.list(paths.pids())) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString().replace(".pid", "");
                ManagedProcess.fromPidFile(f).ifPresent(h -> Console.line(String.format("  %-20s pid %-8d %6d MB",
                        name, h.pid(), ManagedProcess.rssKb(h) / 1024)));
            }
        } catch (IOException e) {
            // no pid files
        }
        return 0;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
