package cc.monitoring.kit.live;

import cc.monitoring.testsupport.Database;
import cc.monitoring.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listening connection against a real PostgreSQL (test-support's embedded server). */
class LiveListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Database db = EmbeddedPostgresServer.database();
    private final String applicationName = "kit-live-test-" + UUID.randomUUID();
    private final List<LiveChange> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger listened = new AtomicInteger();
    private LiveListener listener;

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.stop();
        }
    }

    @Test
    void B51_committedChangesReachTheListenerWithTheirDetail_rolledBackOnesNever() throws Exception {
        listener = start("kit_live_a", "kit_live_b");
        try (Connection writer = connect("writer")) {
            writer.setAutoCommit(false);
            notify(writer, "kit_live_a", "rolled-back");
            writer.rollback();
            notify(writer, "kit_live_a", "table|t1\ti-1");
            notify(writer, "kit_live_b", "t:i-2");
            writer.commit();
        }
        await().atMost(PATIENCE).until(() -> received.size() == 2);
        assertEquals(List.of(new LiveChange("kit_live_a", "table|t1", "i-1"), new LiveChange("kit_live_b", "t:i-2", null)),
                received);
    }

    @Test
    void B51_aLostConnectionIsOpenedAgain_andEveryReconnectSignalsAResync() throws Exception {
        listener = start("kit_live_c");
        assertEquals(1, listened.get());
        try (Connection admin = connect("admin");
             PreparedStatement kill = admin.prepareStatement(
                     "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
            kill.setString(1, applicationName);
            kill.executeQuery().close();
        }
        await().atMost(PATIENCE).until(() -> listened.get() == 2 && listener.listening());
        try (Connection writer = connect("writer")) {
            notify(writer, "kit_live_c", "after-reconnect");
        }
        await().atMost(PATIENCE).until(() -> received.contains(new LiveChange("kit_live_c", "after-reconnect", null)));

        listener.stop();
        assertFalse(listener.listening());
    }

    @Test
    void B51_reconnectAttemptsWaitLongerAfterEachFailure_upToTheMaximum() {
        Duration first = Duration.ofMillis(500);
        Duration max = Duration.ofSeconds(3);
        assertEquals(first, LiveListener.backoff(first, max, 1));
        assertEquals(Duration.ofSeconds(1), LiveListener.backoff(first, max, 2));
        assertEquals(Duration.ofSeconds(2), LiveListener.backoff(first, max, 3));
        assertEquals(max, LiveListener.backoff(first, max, 4));
        assertEquals(max, LiveListener.backoff(first, max, 1_000));
    }

    private LiveListener start(String... channels) {
        LiveListener started = new LiveListener(List.of(channels), () -> connect(applicationName),
                new Timing(), received::addAll, listened::incrementAndGet);
        assertFalse(started.listening());
        started.start("live-listener-test");
        await().atMost(PATIENCE).until(started::listening);
        assertTrue(listened.get() >= 1);
        return started;
    }

    private Connection connect(String name) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.username());
        if (db.password() != null) {
            properties.setProperty("password", db.password());
        }
        properties.setProperty("ApplicationName", name);
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    private static void notify(Connection connection, String channel, String payload) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.executeQuery().close();
        }
    }

    /** Short waits, so a test sees a reconnect quickly. */
    private record Timing() implements LiveConfig {
        @Override
        public Optional<Set<String>> channels() {
            return Optional.empty();
        }

        @Override
        public Duration pollTimeout() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration reconnectDelay() {
            return Duration.ofMillis(50);
        }

        @Override
        public Duration maxReconnectDelay() {
            return Duration.ofMillis(500);
        }

        @Override
        public Duration keepAlive() {
            return Duration.ofSeconds(1);
        }

        @Override
        public int subscriberQueue() {
            return 16;
        }

        @Override
        public int deliveryThreads() {
            return 1;
        }
    }
}
