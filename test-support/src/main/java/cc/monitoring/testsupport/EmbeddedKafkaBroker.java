package cc.monitoring.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * One real Apache Kafka broker (KRaft, broker + controller in one node) per JVM, started lazily on free
 * loopback ports and stopped by a shutdown hook.
 * <p>
 * If the environment variable {@code KAFKA_BOOTSTRAP_SERVERS} is set, no broker is started and that address
 * is used. The address is also published as the system property {@value #BOOTSTRAP_PROPERTY}, so that code
 * loaded by another class loader in the same JVM (Quarkus test class loaders) finds the same broker instead
 * of starting a second one.
 */
public final class EmbeddedKafkaBroker {

    public static final String ENV_BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String BOOTSTRAP_PROPERTY = "cc.monitoring.testsupport.kafka.bootstrap";

    /** string literals are interned JVM-wide, so this lock is shared by all class loaders */
    private static final Object LOCK = "cc.monitoring.testsupport.EmbeddedKafkaBroker.lock";

    private static volatile long startMillis = -1;

    private EmbeddedKafkaBroker() {
    }

    /**
     * The bootstrap servers of the external broker (env) or of this JVM's broker, starting it if needed: a Kafka
     * container when {@link Infrastructure#forKafka()} says so (Docker engine, {@code TESTCONTAINERS=true}), else
     * the embedded one.
     */
    public static String bootstrapServers() {
        String env = System.getenv(ENV_BOOTSTRAP);
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        String running = System.getProperty(BOOTSTRAP_PROPERTY);
        if (running != null) {
            return running;
        }
        synchronized (LOCK) {
            running = System.getProperty(BOOTSTRAP_PROPERTY);
            if (running == null) {
                running = Infrastructure.forKafka() == Infrastructure.CONTAINERS ? ContainerServers.startKafka() : start();
                System.setProperty(BOOTSTRAP_PROPERTY, running);
            }
            return running;
        }
    }

    /** Milliseconds the embedded broker took to start and answer, or -1 if not started by this class loader. */
    public static long startMillis() {
        return startMillis;
    }

    /**
     * A second broker of this JVM, started on first use, whose client listener asks for SASL/SCRAM-SHA-512
     * ({@code SASL_PLAINTEXT}) and whose {@code StandardAuthorizer} refuses what no ACL allows: the production
     * broker's security in small (docs/security.md). Only {@link SecuredKafka#ADMIN_USER} (a super user)
     * exists at first; {@link SecuredKafka#createUser} adds principals. Not shared across class loaders.
     */
    public static SecuredKafka secured() {
        synchronized (LOCK) {
            if (secured == null) {
                String bootstrap = start(true);
                secured = new SecuredKafka(bootstrap, securedTls, securedTrustStore, SecuredKafka.STORE_PASSWORD);
            }
            return secured;
        }
    }

    private static SecuredKafka secured;
    private static String securedTls;
    private static Path securedTrustStore;

    private static String start() {
        return start(false);
    }

    private static String start(boolean secure) {
        Quiet.apply();
        long t0 = System.nanoTime();
        try {
            Path dir = Files.createTempDirectory("embedded-kafka-");
            Path logDir = Files.createDirectories(dir.resolve("data"));
            int brokerPort = freePort();
            int controllerPort = freePort();
            while (controllerPort == brokerPort) {
                controllerPort = freePort();
            }
            String bootstrap = "127.0.0.1:" + brokerPort;

            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            String listener = secure ? "SASL_PLAINTEXT" : "PLAINTEXT";
            props.put("listeners", listener + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", listener + "://" + bootstrap);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", listener);
            props.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
            if (secure) {
                // a second client listener with TLS: SASL_SSL, a self-signed certificate for 127.0.0.1
                int tlsPort = freePort();
                while (tlsPort == brokerPort || tlsPort == controllerPort) {
                    tlsPort = freePort();
                }
                Path keyStore = dir.resolve("broker.p12");
                securedTrustStore = dir.resolve("truststore.p12");
                SecuredKafka.certificates(keyStore, securedTrustStore, dir.resolve("broker.crt"));
                securedTls = "127.0.0.1:" + tlsPort;
                props.put("listeners", props.get("listeners") + ",SASL_SSL://127.0.0.1:" + tlsPort);
                props.put("advertised.listeners", props.get("advertised.listeners") + ",SASL_SSL://" + securedTls);
                props.put("listener.security.protocol.map", props.get("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
                props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        SecuredKafka.jaas(SecuredKafka.ADMIN_USER, SecuredKafka.ADMIN_PASSWORD));
                props.put("listener.name.sasl_ssl.ssl.keystore.location", keyStore.toString());
                props.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
                props.put("listener.name.sasl_ssl.ssl.keystore.password", SecuredKafka.STORE_PASSWORD);
                props.put("listener.name.sasl_ssl.ssl.key.password", SecuredKafka.STORE_PASSWORD);
                props.put("sasl.enabled.mechanisms", SecuredKafka.MECHANISM);
                props.put("sasl.mechanism.inter.broker.protocol", SecuredKafka.MECHANISM);
                props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        SecuredKafka.jaas(SecuredKafka.ADMIN_USER, SecuredKafka.ADMIN_PASSWORD));
                props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
                props.put("allow.everyone.if.no.acl.found", "false");
                // the broker itself (inter-broker, as admin) and the controller listener (loopback, PLAINTEXT:
                // ANONYMOUS) in this one-node cluster; clients reach only the SASL listener's address
                props.put("super.users", "User:" + SecuredKafka.ADMIN_USER + ";User:ANONYMOUS");
                props.put("auto.create.topics.enable", "false");
            }
            props.put("log.dirs", logDir.toString());
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("transaction.state.log.num.partitions", "5");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.putIfAbsent("auto.create.topics.enable", "true");
            props.put("num.partitions", "3");
            props.put("default.replication.factor", "1");
            props.put("min.insync.replicas", "1");
            // small machine: few threads, small cleaner buffer (default 128 MB of heap)
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "2");
            props.put("background.threads", "2");
            props.put("num.recovery.threads.per.data.dir", "1");
            props.put("log.cleaner.threads", "1");
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
            props.put("log.cleaner.io.buffer.size", String.valueOf(512 * 1024));
            props.put("controller.quorum.election.timeout.ms", "1000");
            props.put("controller.quorum.fetch.timeout.ms", "2000");

            Path config = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "embedded test broker");
            }
            format(config, Uuid.randomUuid().toString(), secure);

            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            awaitReady(bootstrap, secure ? SecuredKafka.clientProperties(SecuredKafka.ADMIN_USER,
                    SecuredKafka.ADMIN_PASSWORD) : Map.of(), Duration.ofSeconds(60));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (!secure) {
                startMillis = millis;
            }
            System.err.printf("[test-support] embedded Kafka broker%s ready on %s in %d ms (data %s)%n",
                    secure ? " (SASL/SCRAM, ACLs)" : "", bootstrap, millis, dir);

            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (Throwable ignored) {
                    // JVM is going away
                } finally {
                    deleteRecursively(dir);
                }
            }, "embedded-kafka-shutdown"));
            return bootstrap;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker", e);
        }
    }

    private static void format(Path config, String clusterId, boolean secure) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int rc;
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("format", "-t", clusterId, "-c",
                config.toString(), "--ignore-formatted"));
        if (secure) {
            // the broker authenticates to itself with these credentials, so they must exist before it starts
            args.addAll(java.util.List.of("--add-scram", SecuredKafka.MECHANISM + "=[name=" + SecuredKafka.ADMIN_USER
                    + ",password=" + SecuredKafka.ADMIN_PASSWORD + "]"));
        }
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args.toArray(String[]::new), out);
        } catch (Exception e) {
            throw new IllegalStateException("formatting the embedded Kafka log dir failed: "
                    + buffer.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting the embedded Kafka log dir failed (rc=" + rc + "): "
                    + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    private static void awaitReady(String bootstrap, Map<String, Object> security, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = new java.util.HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(config)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    // the broker answers describeCluster only once it has caught up with the controller
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (Exception e) {
                    last = e;
                }
            }
            throw new IllegalStateException("embedded Kafka broker on " + bootstrap + " not ready within " + timeout,
                    last);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
