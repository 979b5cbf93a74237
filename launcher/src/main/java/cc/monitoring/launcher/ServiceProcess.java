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

    public ServiceProcess(StackPaths paths, String module, int port, Map<String, String> env) {
        this(paths, module, port, env, List.of("-Xmx256m", "-XX:+UseSerialGC"), Duration.ofSeconds(120));
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
        Map<String, String> all = new LinkedHashMap<>(env);
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
            process.stop(Duration.ofSeconds(20));
            process = null;
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
