package cc.monitoring.systemtest;

import cc.monitoring.launcher.KafkaServer;
import cc.monitoring.launcher.ManagedProcess;
import cc.monitoring.launcher.PostgresServer;
import cc.monitoring.launcher.ServiceProcess;
import cc.monitoring.launcher.StackPaths;
import cc.monitoring.testsupport.Tokens;
import cc.monitoring.twiliodouble.TwilioDouble;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The whole system as real processes on free loopback ports, so it never collides with a developer's
 * running stack (9092, 15432, 8081-8085): a Kafka broker ({@link KafkaServer}), PostgreSQL
 * ({@link PostgresServer}, one database, a schema per service), an OIDC server in this JVM
 * ({@link OidcWiremockTestResource}: discovery and keys for the tokens {@code Tokens} signs) and every
 * {@link Service} from its built jar ({@link ServiceProcess}), started in parallel.
 * <p>
 * Everything lives under {@code system-tests/target}: {@code logs/<name>.log}, {@code pids/}, {@code kafka/},
 * {@code postgres/} (fresh on every start). {@link #close()} stops it all; a shutdown hook does the same if the
 * JVM ends first. Use it through {@link SystemUnderTestExtension}: one system per test JVM, shared by the test
 * classes, each of which works in its own tenant.
 */
public final class SystemUnderTest implements AutoCloseable {

    /** Audience the services require ({@code OIDC_AUDIENCE}); tokens must carry it. */
    public static final String AUDIENCE = "monitoring-api";

    private static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final List<String> KAFKA_JVM = List.of("-Xmx256m", "-Xms64m", "-XX:+UseSerialGC");
    private static final Duration START_DEADLINE = Duration.ofSeconds(120);
    /**
     * Services started at the same time. A service alone starts in about 5 s here; four JVMs at once on two cores
     * take 25-35 s, two at a time about as long as one after the other but overlapping the slow ones.
     */
    private static final int PARALLEL_STARTS = Integer.getInteger("systemtest.parallelStarts", 2);

    /**
     * The phone network telephony-gateway runs on ({@code -Dsystemtest.provider}): its built-in simulator (the
     * default), or its Twilio adapter against the Twilio double, started in this JVM.
     */
    public enum Provider {
        simulated, twilio;

        static Provider configured() {
            return valueOf(System.getProperty("systemtest.provider", "simulated"));
        }
    }

    /** On the Twilio path: a tenant of the pool, its Twilio account. */
    record TwilioTenant(String tenant, String accountSid, String authToken) {
    }

    /** The Twilio numbers of every pool tenant, per flow. */
    static final Map<String, String> TWILIO_NUMBERS = Map.of("support", "+15005550006", "private", "+15005550007");
    private static final int TWILIO_TENANTS = 8;

    private final StackPaths paths;
    private final Path work;
    private final Provider provider = Provider.configured();
    private final List<TwilioTenant> twilioTenants = new ArrayList<>();
    private final AtomicInteger nextTwilioTenant = new AtomicInteger();
    private TwilioDouble twilio;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    /** Instances 1, 2, ... of a service, started by {@link #startInstance(Service)} (instance 0 is in {@link #services}). */
    private final Map<Service, List<ServiceProcess>> moreInstances = new EnumMap<>(Service.class);
    private KafkaServer kafka;
    private PostgresServer postgres;
    private OidcWiremockTestResource oidc;
    private String oidcServerUrl;
    private Map<String, String> commonEnv;
    private Thread shutdownHook;
    private boolean closed;

    private SystemUnderTest(Path root, Path work) {
        this.work = work;
        this.paths = new StackPaths(root, work);
    }

    /**
     * Starts everything, or stops what was started and throws. The repository root and the work directory come
     * from the system properties {@code systemtest.root} and {@code systemtest.work} (set by the pom), else from
     * the working directory.
     */
    public static SystemUnderTest start() {
        Path root = rootDirectory();
        Path work = Path.of(System.getProperty("systemtest.work", root.resolve("system-tests/target").toString()))
                .toAbsolutePath().normalize();
        SystemUnderTest sut = new SystemUnderTest(root, work);
        try {
            sut.startAll();
            return sut;
        } catch (RuntimeException | Error e) {
            sut.close();
            throw e;
        }
    }

    private static Path rootDirectory() {
        String configured = System.getProperty("systemtest.root");
        Path cwd = Path.of("").toAbsolutePath();
        Path root = configured != null ? Path.of(configured)
                : cwd.getFileName() != null && cwd.getFileName().toString().equals("system-tests") ? cwd.getParent() : cwd;
        return root.toAbsolutePath().normalize();
    }

    private void startAll() {
        Instant t0 = Instant.now();
        for (Service s : Service.values()) {
            Path jar = ServiceProcess.jar(paths, s.module());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is not built: run `mvn -B -ntp install -DskipTests` at the "
                        + "repository root first (in the reactor build this module runs after the services are packaged)");
            }
        }
        stopLeftovers();
        deleteTree(work.resolve("kafka"));
        deleteTree(work.resolve("postgres"));
        deleteTree(work.resolve("logs"));
        shutdownHook = new Thread(this::close, "system-under-test-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);

        List<Integer> ports = freePorts(3 + Service.values().length);
        kafka = new KafkaServer(paths, KafkaServer.defaultLibs(paths), work.resolve("kafka"), ports.get(0), ports.get(1),
                KAFKA_JVM, START_DEADLINE);
        postgres = new PostgresServer(paths, work.resolve("postgres"), ports.get(2), "monitoring");
        oidc = new OidcWiremockTestResource();

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(3, PARALLEL_STARTS));
        try {
            all(pool, List.of(kafka::start, postgres::start, () -> {
                Map<String, String> props = oidc.start();
                oidcServerUrl = props.get("keycloak.url") + "/realms/quarkus";
            }));
            commonEnv = new LinkedHashMap<>(ServiceProcess.stackEnv(kafka.bootstrapServers(), postgres.jdbcUrl(),
                    postgres.username(), postgres.password(), oidcServerUrl));
            commonEnv.put("OIDC_AUDIENCE", AUDIENCE);
            commonEnv.putAll(extraEnv());
            int next = 3;
            for (Service s : Service.values()) {
                int port = ports.get(next++);
                Map<String, String> env = new LinkedHashMap<>(commonEnv);
                env.putAll(s.env());
                List<String> jvm = new ArrayList<>(SERVICE_JVM);
                if (s == Service.TELEPHONY && provider == Provider.twilio) {
                    jvm.addAll(startTwilio("http://127.0.0.1:" + port, env));
                }
                services.put(s, new ServiceProcess(paths, s.module(), port, env, jvm, START_DEADLINE));
            }
        } finally {
            pool.shutdownNow();
        }
        ExecutorService servicePool = Executors.newFixedThreadPool(PARALLEL_STARTS);
        try {
            all(servicePool, services.values().stream().<Runnable>map(p -> p::start).toList());
        } finally {
            servicePool.shutdownNow();
        }
        if (!extraEnv().isEmpty()) {
            System.out.println("\nExtra service environment (systemtest.env.*): " + extraEnv());
        }
        System.out.printf("%nSystem under test up in %.1f s (logs in %s):%n  Kafka %s, PostgreSQL %s, OIDC %s%n",
                Duration.between(t0, Instant.now()).toMillis() / 1000.0, paths.logs(), kafka.bootstrapServers(),
                postgres.jdbcUrl(), oidcServerUrl);
        System.out.printf("  telephony provider: %s%s%n", provider,
                twilio == null ? "" : " (the Twilio double at " + twilio.baseUrl() + ")");
        services.forEach((s, p) -> System.out.printf("  %-20s %s%n", s.module(), p.baseUrl()));
    }

    /**
     * Extra environment for every service from system properties {@code systemtest.env.<NAME>=<value>}, e.g.
     * {@code -Dsystemtest.env.QUARKUS_LOG_LEVEL=DEBUG} (Maven passes {@code -D} properties to the test JVM).
     */
    static Map<String, String> extraEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        String prefix = "systemtest.env.";
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(prefix)).sorted()
                .forEach(n -> env.put(n.substring(prefix.length()), System.getProperty(n)));
        return env;
    }

    /** Runs the tasks in parallel; the first failure is rethrown once all have finished. */
    private static void all(ExecutorService pool, List<Runnable> tasks) {
        List<CompletableFuture<Void>> futures = tasks.stream().map(t -> CompletableFuture.runAsync(t, pool)).toList();
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Starts the Twilio double with one account per pool tenant, calling back {@code gatewayUrl}, and points
     * telephony-gateway at it: the provider, API and webhook base URLs in {@code env}; per tenant the account,
     * its auth token (in an owner-only file), caller id and flow per number as the returned system properties.
     */
    private List<String> startTwilio(String gatewayUrl, Map<String, String> env) {
        Path dir = work.resolve("twilio");
        deleteTree(dir);
        TwilioDouble.Options options = TwilioDouble.Options.onFreePort();
        List<String> jvm = new ArrayList<>();
        java.util.Random random = new java.util.Random();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < TWILIO_TENANTS; i++) {
                byte[] sid = new byte[16];
                random.nextBytes(sid);
                TwilioTenant t = new TwilioTenant(Tokens.uniqueTenant(), "AC" + java.util.HexFormat.of().formatHex(sid),
                        java.util.UUID.randomUUID().toString().replace("-", ""));
                twilioTenants.add(t);
                options.account(t.accountSid(), t.authToken(), gatewayUrl);
                Path token = dir.resolve(t.tenant() + ".token");
                Files.writeString(token, t.authToken());
                String p = "-Dtelephony.twilio.accounts." + t.tenant() + ".";
                jvm.add(p + "account-sid=" + t.accountSid());
                jvm.add(p + "auth-token-file=" + token);
                jvm.add(p + "caller-id=+15005550000");
                TWILIO_NUMBERS.forEach((flow, number) -> jvm.add(p + "flows.\"" + number + "\"=" + flow));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        twilio = TwilioDouble.start(options);
        env.put("TELEPHONY_PROVIDER", "twilio");
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("TWILIO_WEBHOOK_BASE_URL", gatewayUrl);
        return jvm;
    }

    // ------------------------------------------------------------------ what tests use

    public Provider provider() {
        return provider;
    }

    /**
     * A new tenant for a test that places calls: any new tenant on the simulator; on the Twilio path one of the
     * pool, whose Twilio account the gateway is configured with (the tenant of a call comes from configuration).
     */
    public String newVoiceTenant() {
        if (provider == Provider.simulated) {
            return Client.newTenant();
        }
        int i = nextTwilioTenant.getAndIncrement();
        if (i >= twilioTenants.size()) {
            throw new IllegalStateException("more than " + TWILIO_TENANTS + " Twilio tenants asked for");
        }
        return twilioTenants.get(i).tenant();
    }

    /** The phone network of {@code tenant}'s calls; {@code phone} is its phone simulator (the simulator path). */
    public Telephone telephone(String tenant, User phone, Events events) {
        if (provider == Provider.simulated) {
            return new Telephone.Simulated(phone);
        }
        TwilioTenant t = twilioTenants.stream().filter(x -> x.tenant().equals(tenant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(tenant + " has no Twilio account: use newVoiceTenant()"));
        return new Telephone.Twilio(twilio, t.accountSid(), TWILIO_NUMBERS, events);
    }

    /** On the Twilio path the Twilio double (in this JVM), for tests that inject its faults; else empty. */
    public java.util.Optional<TwilioDouble> twilioDouble() {
        return java.util.Optional.ofNullable(twilio);
    }

        public String url(Service service) {
        return process(service).baseUrl();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path logFile(Service service) {
        return paths.log(service.module());
    }

    public boolean isRunning(Service service) {
        return !process(service).processes().isEmpty();
    }

    /**
     * Kills the service's JVM with SIGKILL (no shutdown hooks, no graceful stop, as in a crash) and returns once the
     * process is gone. Start it again with {@link #startAgain(Service)}: same port, same database.
     */
    public ProcessHandle kill(Service service) {
        return kill(service, 0);
    }

    /** {@link #kill(Service)} for one instance (0 is the one the system started with). */
    public ProcessHandle kill(Service service, int instance) {
        ServiceProcess p = process(service, instance);
        List<ProcessHandle> handles = p.processes();
        if (handles.isEmpty()) {
            throw new IllegalStateException(p.name() + " is not running");
        }
        ProcessHandle handle = handles.get(0);
        handle.destroyForcibly();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(p.name() + " (pid " + handle.pid() + ") did not die", e);
        }
        return handle;
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void startAgain(Service service) {
        startAgain(service, 0);
    }

    public void startAgain(Service service, int instance) {
        ServiceProcess p = process(service, instance);
        if (!p.processes().isEmpty()) {
            throw new IllegalStateException(p.name() + " is still running");
        }
        p.start();
    }

    /**
     * Starts one more instance of a service and waits until it is ready: the same jar, environment and database
     * schema, so the same Kafka consumer group (the group ids are the service's configuration) and the same outbox;
     * a free port of its own and a log of its own ({@code target/logs/<module>-<n>.log}). Returns its number, for
     * {@link #url(Service, int)}, {@link #kill(Service, int)} and {@link #stopMoreInstances(Service)}.
     */
    public synchronized int startInstance(Service service) {
        List<ServiceProcess> more = moreInstances.computeIfAbsent(service, s -> new ArrayList<>());
        int instance = more.size() + 1;
        Map<String, String> env = new LinkedHashMap<>(commonEnv);
        env.putAll(service.env());
        ServiceProcess p = new ServiceProcess(paths, service.module(), service.module() + "-" + (instance + 1),
                freePorts(1).get(0), env, SERVICE_JVM, START_DEADLINE);
        more.add(p);
        p.start();
        System.out.printf("  %-20s %s (instance %d)%n", service.module(), p.baseUrl(), instance);
        return instance;
    }

    /** Stops (gracefully) every instance started by {@link #startInstance(Service)}; instance 0 keeps running. */
    public synchronized void stopMoreInstances(Service service) {
        List<ServiceProcess> more = moreInstances.remove(service);
        if (more != null) {
            more.forEach(p -> quietly(p::stop));
        }
    }

    /** The base URL of one instance (0 is the one the system started with). */
    public String url(Service service, int instance) {
        return process(service, instance).baseUrl();
    }

    private ServiceProcess process(Service service) {
        ServiceProcess p = services.get(service);
        if (p == null) {
            throw new IllegalStateException(service.module() + " was not started");
        }
        return p;
    }

    private synchronized ServiceProcess process(Service service, int instance) {
        if (instance == 0) {
            return process(service);
        }
        List<ServiceProcess> more = moreInstances.getOrDefault(service, List.of());
        if (instance < 0 || instance > more.size()) {
            throw new IllegalStateException(service.module() + " has no instance " + instance);
        }
        return more.get(instance - 1);
    }

    // ------------------------------------------------------------------ stop

    /** Stops the services (in parallel), then Kafka, PostgreSQL and the OIDC server. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Thread> stopping = new ArrayList<>();
        List<ServiceProcess> all = new ArrayList<>(services.values());
        moreInstances.values().forEach(all::addAll);
        for (ServiceProcess p : all) {
            Thread t = new Thread(() -> quietly(p::stop), "stop-" + p.name());
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            quietly(kafka::stop);
        }
        if (postgres != null) {
            quietly(postgres::stop);
        }
        if (oidc != null) {
            quietly(oidc::stop);
        }
        if (twilio != null) {
            quietly(twilio::close);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already
            }
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("system under test: stop failed: " + e);
        }
    }

    /**
     * Processes of an earlier run that was killed before it could stop them (their pid files are in
     * {@code target/pids}); only processes whose command line names this repository are touched.
     */
    private void stopLeftovers() {
        Path pids = work.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return;
        }
        String marker = paths.root().toString();
        try (Stream<Path> files = Files.list(pids)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                ManagedProcess.fromPidFile(pidFile)
                        .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                        .ifPresent(h -> {
                            System.out.println("system under test: stopping leftover " + pidFile.getFileName()
                                    + " (pid " + h.pid() + ")");
                            ManagedProcess.terminateTree(h, Duration.ofSeconds(10));
                        });
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct free loopback ports (all held open at once while choosing, so none is handed out twice). */
    /**
     * Free loopback ports below Linux's ephemeral range (32768–60999): a port handed out by the kernel for
     * {@code bind(0)} is an ephemeral one, which any outgoing connection on the machine (another build, a
     * browser) may take in the minutes before the service listens on it ("port already in use"). Ports
     * under 32768 are never given to outgoing connections, so only another listener could take them.
     */
    static List<Integer> freePorts(int count) {
        java.util.Random random = new java.util.Random();
        List<Integer> ports = new ArrayList<>();
        for (int attempt = 0; ports.size() < count && attempt < 10_000; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            if (ports.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                ports.add(probe.getLocalPort());
            } catch (IOException taken) {
                // in use: try another
            }
        }
        if (ports.size() < count) {
            throw new IllegalStateException("no " + count + " free loopback ports between 20000 and 32000");
        }
        return ports;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
