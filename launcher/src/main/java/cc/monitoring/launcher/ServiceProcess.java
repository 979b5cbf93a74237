package cc.monitoring.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Quarkus service run from its built jar {@code <module>/target/quarkus-app/quarkus-run.jar}
 * ({@code java -Xmx256m -jar ...}) with its configuration in environment variables; ready when
 * {@code http://127.0.0.1:<port>/q/health/ready} answers 200.
 */
public final class ServiceProcess implements StackComponent {

    private final StackPaths paths;
    private final String module;
    private final String name;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Duration deadline;
    private volatile ManagedProcess process;
    private Duration startupTime = Duration.ZERO;
    private boolean cds;

    /**
     * The JVM options of a service (start and memory, issue 13; the same in deploy/Dockerfile.jvm and the Kubernetes
     * manifests, docs/operations.md): a small initial heap that grows when needed instead of a young generation
     * sized for 1/64 of the machine's memory and touched before the first collection, SerialGC (1–2 cores), 512 kB
     * thread stacks, and malloc'd memory handed back to the OS every 10 s. C2 stays on (the throughput targets).
     */
    public static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> o = new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k"));
        if (trimNativeHeapSupported()) {
            o.add("-XX:TrimNativeHeapInterval=10000");
        }
        return List.copyOf(o);
    }

    /** -XX:TrimNativeHeapInterval exists from 17.0.9 / 21.0.1 on; an older JVM would refuse to start with it. */
    static boolean trimNativeHeapSupported() {
        Runtime.Version v = Runtime.version();
        return v.feature() == 17 ? v.update() >= 9 : v.feature() >= 21 && (v.feature() > 21 || v.update() >= 1);
    }

    /** Environment of every service JVM: two glibc malloc arenas instead of 8 per core (less native memory). */
    public static final Map<String, String> JVM_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    public ServiceProcess(StackPaths paths, String module, int port, Map<String, String> env) {
        this(paths, module, port, env, JVM_OPTIONS, Duration.ofSeconds(120));
    }

    public ServiceProcess(StackPaths paths, String module, int port, Map<String, String> env, List<String> jvmOptions,
                          Duration deadline) {
        this(paths, module, module, port, env, jvmOptions, deadline);
    }

    /**
     * One more instance of a module under a name of its own ({@code <module>-2}): its log and pid file are named
     * after it, the jar and working directory are the module's.
     */
    public ServiceProcess(StackPaths paths, String module, String name, int port, Map<String, String> env,
                          List<String> jvmOptions, Duration deadline) {
        this.paths = paths;
        this.module = module;
        this.name = name;
        this.port = port;
        Map<String, String> all = new LinkedHashMap<>(JVM_ENV);
        all.putAll(env);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.env = all;
        this.jvmOptions = jvmOptions;
        this.deadline = deadline;
    }

    /** The environment every service of the stack gets (one database; each service creates its own schema). */
    public static Map<String, String> stackEnv(String kafkaBootstrap, String jdbcUrl, String dbUser, String dbPassword,
                                               String oidcServerUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("DB_JDBC_URL", jdbcUrl);
        env.put("DB_USERNAME", dbUser);
        env.put("DB_PASSWORD", dbPassword);
        env.put("OIDC_AUTH_SERVER_URL", oidcServerUrl);
        // the local stack and the system tests run the built-in phone simulator: an explicit choice, as a
        // production build of telephony-gateway has no default provider
        env.put("TELEPHONY_PROVIDER", "simulated");
        // production builds log JSON (docs/operations.md); the local stack and the system tests are read by people
        env.put("LOG_JSON", "false");
        return env;
    }

    /**
     * Starts this service with a dynamic AppCDS archive of its own ({@link CdsArchive}): recorded when it stops the
     * first time after a build, mapped on later starts. The local stack uses it; the system tests do not.
     */
    public ServiceProcess withCds() {
        this.cds = true;
        return this;
    }

    private CdsArchive cdsArchive() {
        Path app = paths.root().resolve(module).resolve("target/quarkus-app");
        return new CdsArchive(paths, name, List.of(app.resolve("quarkus-run.jar"), app.resolve("app"),
                app.resolve("quarkus"), app.resolve("lib")));
    }

    public static Path jar(StackPaths paths, String module) {
        return paths.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public boolean isBuilt() {
        return Files.isRegularFile(jar(paths, module));
    }

    @Override
    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void start() {
        Instant t0 = Instant.now();
        if (!isBuilt()) {
            throw new StartupException(module + ": " + jar(paths, module) + " not built");
        }
        Net.requireFree(module, port, "Stop whatever uses it (bin/stack stop).");
        List<String> cmd = new ArrayList<>();
        cmd.add(KafkaServer.java());
        cmd.addAll(jvmOptions);
        if (cds) {
            cmd.addAll(cdsArchive().jvmOptions());
        }
        cmd.add("-jar");
        cmd.add(jar(paths, module).toString());
        try {
            process = new ManagedProcess(name(), paths).start(cmd, paths.root().resolve(module), env);
            String health = baseUrl() + "/q/health/ready";
            process.awaitReady("ready (" + health + ")", deadline, () -> Net.httpOk(health));
            startupTime = Duration.between(t0, Instant.now());
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            boolean clean = process.stop(Duration.ofSeconds(20));
            process = null;
            if (cds) {
                cdsArchive().stopped(clean);
            }
        }
    }

    @Override
    public String describe() {
        return String.format("%-12s %s  (health %s/q/health/ready)", module, baseUrl(), baseUrl());
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public List<ProcessHandle> processes() {
        return process != null && process.isAlive() ? List.of(process.process().toHandle()) : List.of();
    }
}
