package cc.monitoring.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable PostgreSQL reference (as {@code pgbench -N}, as a JDBC loop): T threads, each with its own
 * connection in autocommit, insert one small row per transaction into {@code benchmark.durable_writes} in the
 * stack's database for S seconds. Commits/s is only a durable reference when the server runs with
 * {@code fsync} and {@code synchronous_commit} on: both are read with SHOW and reported.
 */
final class DurableWrites {

    record Result(long commits, double seconds, String fsync, String synchronousCommit, String error) {

        double commitsPerSecond() {
            return seconds <= 0 ? 0 : commits / seconds;
        }

        boolean durable() {
            return "on".equals(fsync) && !"off".equals(synchronousCommit) && synchronousCommit != null;
        }

        String line() {
            if (error != null) {
                return "  durable PostgreSQL writes: not measured: " + error;
            }
            return String.format("  durable PostgreSQL writes: %,d commits in %.1f s → %,.0f commits/s (8 threads, insert + commit);"
                    + " fsync=%s, synchronous_commit=%s%s", commits, seconds, commitsPerSecond(), fsync, synchronousCommit,
                    durable() ? " (durable)" : "  *** NOT DURABLE: this reference and every 'durable' target below are not durable ***");
        }
    }

    private DurableWrites() {
    }

    static Result measure(String jdbcUrl, String user, String password, int threads, double seconds) {
        String fsync;
        String sync;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            fsync = show(st, "fsync");
            sync = show(st, "synchronous_commit");
            st.execute("create schema if not exists benchmark");
            st.execute("create table if not exists benchmark.durable_writes (id bigserial primary key, thread int not null,"
                    + " at timestamptz not null default now(), payload varchar(100) not null)");
            st.execute("truncate benchmark.durable_writes");
        } catch (SQLException e) {
            return new Result(0, 0, null, null, jdbcUrl + ": " + e.getMessage());
        }
        AtomicLong commits = new AtomicLong();
        List<String> errors = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement ps = c.prepareStatement(
                             "insert into benchmark.durable_writes (thread, payload) values (?, ?)")) {
                    c.setAutoCommit(true);
                    long n = 0;
                    while (System.nanoTime() < end) {
                        ps.setInt(1, thread);
                        ps.setString(2, "bench-" + thread + "-" + n++);
                        ps.executeUpdate();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (errors) {
                        errors.add(e.getMessage());
                    }
                }
            }, "benchmark-durable-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement st = c.createStatement()) {
            st.execute("truncate benchmark.durable_writes");
        } catch (SQLException e) {
            // the rows stay until the next run
        }
        return new Result(commits.get(), took, fsync, sync, errors.isEmpty() ? null : errors.get(0));
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("show " + setting)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
