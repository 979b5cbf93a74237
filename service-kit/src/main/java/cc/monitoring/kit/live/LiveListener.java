package cc.monitoring.kit.live;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One dedicated PostgreSQL connection that LISTENs on the channels and passes every notification on,
 * on a daemon thread of its own, the notifications of one wake-up together. When the connection is lost it connects again, waiting longer after
 * each failure in a row; each time it listens again it signals {@code onListening}, since notifications
 * sent meanwhile are gone.
 */
final class LiveListener {

    /** Opens the listening connection (not one of the pool's: it is held for as long as the service runs). */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(LiveListener.class);

    private final List<String> channels;
    private final Connector connector;
    private final LiveConfig config;
    private final Consumer<List<LiveChange>> onChange;
    private final Runnable onListening;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean listening;
    private Thread worker;

    LiveListener(List<String> channels, Connector connector, LiveConfig config, Consumer<List<LiveChange>> onChange,
                 Runnable onListening) {
        this.channels = channels.stream().map(LivePayload::requireChannel).toList();
        this.connector = connector;
        this.config = config;
        this.onChange = onChange;
        this.onListening = onListening;
    }

    synchronized void start(String threadName) {
        if (worker == null) {
            worker = new Thread(this::run, threadName);
            worker.setDaemon(true);
            worker.start();
        }
    }

    void stop() {
        stopped.countDown();
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null) {
            try {
                running.join(config.pollTimeout().toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this instance receives notifications right now. */
    boolean listening() {
        return listening;
    }

    /** The wait after {@code failures} failed attempts in a row: doubled each time, up to the maximum. */
    static Duration backoff(Duration first, Duration max, int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    private void run() {
        int failures = 0;
        while (running()) {
            try (Connection connection = connector.connect()) {
                try (Statement listen = connection.createStatement()) {
                    for (String channel : channels) {
                        listen.execute("LISTEN " + channel);
                    }
                }
                listening = true;
                failures = 0;
                onListening.run();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running()) {
                    failures++;
                    Duration wait = backoff(config.reconnectDelay(), config.maxReconnectDelay(), failures);
                    LOG.warnf("listening for live updates on %s failed (%s); trying again in %d ms",
                            channels, e.getMessage(), wait.toMillis());
                    pause(wait);
                }
            }
        }
        listening = false;
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        int poll = (int) Math.max(1, config.pollTimeout().toMillis());
        long keepAliveNanos = config.keepAlive().toNanos();
        long lastHeard = System.nanoTime();
        while (running()) {
            PGNotification[] received = pg.getNotifications(poll);
            if (received != null && received.length > 0) {
                // the notifications of one wake-up go on together: a batch subscriber handles them at once
                List<LiveChange> changes = new ArrayList<>(received.length);
                for (PGNotification notification : received) {
                    changes.add(LivePayload.decode(notification.getName(), notification.getParameter()));
                }
                onChange.accept(changes);
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard >= keepAliveNanos) {
                try (Statement ping = connection.createStatement()) {
                    ping.execute("select 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void pause(Duration wait) {
        try {
            stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }
}
