package cc.monitoring.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) in its own process, run
 * from the jars that {@code launcher/kafka-runtime} copies into its {@code target/libs}:
 * {@code java -cp 'libs/*' kafka.tools.StorageTool format ... --ignore-formatted}, then
 * {@code java -Xmx256m -cp 'libs/*' kafka.Kafka server.properties}.
 * The log directory and cluster id live under {@code .local/kafka/} and survive restarts.
 */
public final class KafkaServer implements StackComponent {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    private final StackPaths paths;
    private final Path libs;
    private final Path home;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final Duration deadline;
    private volatile ManagedProcess process;
    private Duration startupTime = Duration.ZERO;

    /** The broker of the local stack: ports 9092/9093, data in {@code .local/kafka}. */
    public KafkaServer(StackPaths paths) {
        this(paths, defaultLibs(paths), paths.local().resolve("kafka"), DEFAULT_PORT, DEFAULT_CONTROLLER_PORT,
                List.of("-Xmx256m", "-Xms64m", "-XX:+UseSerialGC"), Duration.ofSeconds(90));
    }

    /** Fully configurable, e.g. a system test's broker on other ports with its own data directory. */
    public KafkaServer(StackPaths paths, Path libs, Path home, int port, int controllerPort, List<String> jvmOptions,
                       Duration deadline) {
        this.paths = paths;
        this.libs = libs;
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = jvmOptions;
        this.deadline = deadline;
    }

    /** {@code -Dkafka.libs} / {@code KAFKA_LIBS}, else {@code launcher/kafka-runtime/target/libs}. */
    public static Path defaultLibs(StackPaths paths) {
        String configured = System.getProperty("kafka.libs", System.getenv("KAFKA_LIBS"));
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : paths.root().resolve("launcher/kafka-runtime/target/libs");
    }

    @Override
    public String name() {
        return "kafka";
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void start() {
        Instant t0 = Instant.now();
        if (!Files.isDirectory(libs) || !hasKafkaJar()) {
            throw new StartupException("kafka: broker jars not found in " + libs
                    + " (build them: mvn -B -ntp -q -pl launcher/kafka-runtime package)");
        }
        Net.requireFree("kafka", port, "Stop whatever uses it (bin/stack stop) or set KAFKA_BOOTSTRAP_SERVERS to use that broker.");
        Net.requireFree("kafka controller", controllerPort, "Stop whatever uses it (bin/stack stop).");
        try {
            StackPaths.dir(home.resolve("data"));
            Path props = writeServerProperties();
            Path log4j = writeLog4j();
            if (!Files.exists(home.resolve("data/meta.properties"))) {
                List<String> format = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", libs + "/*",
                        "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", props.toString(),
                        "--ignore-formatted"));
                ManagedProcess.runToCompletion("kafka-format", paths, format, home, Duration.ofSeconds(60));
            }

            List<String> cmd = new ArrayList<>();
            cmd.add(java());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", libs + "/*",
                    "kafka.Kafka", props.toString()));
            process = new ManagedProcess(name(), paths).start(cmd, home, Map.of());
            process.awaitReady("ready", deadline,
                    () -> process.logContains("Kafka Server started") && Net.tcpOpen("127.0.0.1", port));
            startupTime = Duration.between(t0, Instant.now());
        } catch (IOException e) {
            throw new StartupException("kafka: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private boolean hasKafkaJar() {
        try (var s = Files.list(libs)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
        } catch (IOException e) {
            return false;
        }
    }

    private Path writeServerProperties() throws IOException {
        String text = String.join(System.lineSeparator(),
                "# generated by the local-stack launcher; edits are overwritten",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data").toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") ;
        Path p = home.resolve("server.properties");
        Files.writeString(p, text);
        return p;
    }

    private Path writeLog4j() throws IOException {
        String text = String.join(System.lineSeparator(),
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "# start-up and shut-down lines (the launcher waits for 'Kafka Server started')",
                "logger.raft.name = kafka.server.KafkaRaftServer",
                "logger.raft.level = INFO",
                "logger.storage.name = kafka.tools.StorageTool",
                "logger.storage.level = INFO",
                "");
        Path p = home.resolve("log4j2.properties");
        Files.writeString(p, text);
        return p;
    }

    /** A KRaft cluster id (16 random bytes, URL-safe base64), created once and kept in {@code cluster.id}. */
    private String clusterId() throws IOException {
        Path f = home.resolve("cluster.id");
        if (Files.exists(f)) {
            return Files.readString(f).trim();
        }
        SecureRandom rnd = new SecureRandom();
        String id;
        do {
            ByteBuffer b = ByteBuffer.allocate(16).putLong(rnd.nextLong()).putLong(rnd.nextLong());
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
        } while (id.startsWith("-"));
        Files.writeString(f, id + System.lineSeparator());
        return id;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public String describe() {
        return "Kafka        " + bootstrapServers() + "  (KRaft controller 127.0.0.1:" + controllerPort + ", data "
                + paths.root().relativize(home.toAbsolutePath()) + ")";
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
