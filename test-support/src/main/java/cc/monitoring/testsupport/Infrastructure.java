package cc.monitoring.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where a test's Kafka broker or PostgreSQL server comes from, chosen once per JVM and server:
 * <ol>
 *   <li>{@link #EXTERNAL}: the environment names a running server ({@code KAFKA_BOOTSTRAP_SERVERS},
 *       {@code DB_JDBC_URL});</li>
 *   <li>{@link #CONTAINERS}: {@code TESTCONTAINERS=true}, or, when that variable is not set, a Docker engine is
 *       detected: Testcontainers starts {@value ContainerServers#KAFKA_IMAGE} and {@value ContainerServers#POSTGRES_IMAGE};</li>
 *   <li>{@link #EMBEDDED}: otherwise (and always with {@code TESTCONTAINERS=false}): the broker in the test JVM and
 *       zonky's PostgreSQL binaries, as on a machine without Docker (CI here).</li>
 * </ol>
 */
public enum Infrastructure {
    EXTERNAL, CONTAINERS, EMBEDDED;

    /** {@code true} asks for containers (failing if there is no engine), {@code false} forbids them. */
    public static final String ENV_TESTCONTAINERS = "TESTCONTAINERS";

    /** The choice for Kafka in this JVM. */
    public static Infrastructure forKafka() {
        return choose(System.getenv(EmbeddedKafkaBroker.ENV_BOOTSTRAP), System.getenv(ENV_TESTCONTAINERS), DockerEngine::detected);
    }

    /** The choice for PostgreSQL in this JVM. */
    public static Infrastructure forPostgres() {
        return choose(System.getenv(EmbeddedPostgresServer.ENV_URL), System.getenv(ENV_TESTCONTAINERS), DockerEngine::detected);
    }

    /**
     * The rule itself: an external address wins, then an explicit {@code TESTCONTAINERS}, then the detection (asked
     * only when needed, since it may take a moment).
     */
    static Infrastructure choose(String externalAddress, String testcontainers, BooleanSupplier dockerEngine) {
        if (externalAddress != null && !externalAddress.isBlank()) {
            return EXTERNAL;
        }
        if (testcontainers != null && !testcontainers.isBlank()) {
            switch (testcontainers.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return CONTAINERS;
                case "false":
                    return EMBEDDED;
                default:
                    throw new IllegalArgumentException(ENV_TESTCONTAINERS + " must be true or false, not '" + testcontainers + "'");
            }
        }
        return dockerEngine.getAsBoolean() ? CONTAINERS : EMBEDDED;
    }

    /** Is a Docker engine reachable? Cheap when there is no socket at all; else asks Testcontainers (once). */
    static final class DockerEngine {
        private static Boolean detected;

        private DockerEngine() {
        }

        static synchronized boolean detected() {
            if (detected == null) {
                detected = socketPresent(System.getenv("DOCKER_HOST"), Path.of(System.getProperty("user.home", "/")))
                        && org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            }
            return detected;
        }

        /** A configured engine address, or a socket where Docker (or Docker Desktop, Podman, Colima) puts one. */
        static boolean socketPresent(String dockerHost, Path home) {
            if (dockerHost != null && !dockerHost.isBlank()) {
                return true;
            }
            return Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(home.resolve(".docker/run/docker.sock"))
                    || Files.exists(home.resolve(".colima/default/docker.sock"))
                    || Files.exists(Path.of("/run/user/" + uid() + "/podman/podman.sock"));
        }

        private static String uid() {
            try {
                return String.valueOf(Files.getAttribute(Path.of(System.getProperty("user.home", "/")), "unix:uid"));
            } catch (Exception e) {
                return "0";
            }
        }
    }
}
