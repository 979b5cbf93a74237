package cc.monitoring.transcript.messaging;

import cc.monitoring.transcript.config.TranscriptConfig;
import cc.monitoring.transcript.persistence.ChangeNotifications;
import cc.monitoring.transcript.service.TranscriptStreams;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One PostgreSQL connection per instance that LISTENs on the change channel. Whichever instance's
 * consumer stored a message, its {@code pg_notify} committed with it and reaches every instance here,
 * which wakes its own open streams of that interaction (B51 behind a load balancer). After a lost
 * connection every stream looks again, so nothing missed in between stays unseen.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int WAIT_MILLIS = 500;

    private final TranscriptStreams streams;
    private final TranscriptConfig config;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread worker;

    public ChangeListener(TranscriptStreams streams, TranscriptConfig config,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.streams = streams;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent ignored) {
        String channel = config.stream().notifyChannel();
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalStateException("transcript.stream.notify-channel must be a plain lower-case identifier: " + channel);
        }
        running = true;
        worker = new Thread(() -> run(channel), "transcript-listener");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            try {
                worker.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this instance currently receives notifications. */
    public boolean listening() {
        return listening;
    }

    private void run(String channel) {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                listening = true;
                streams.wakeAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warnf("listening for transcript changes failed (%s); retrying", e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    private void dispatch(String payload) {
        if (payload.startsWith(ChangeNotifications.TRANSCRIPT)) {
            streams.transcriptChanged(payload.substring(ChangeNotifications.TRANSCRIPT.length()));
        } else if (payload.startsWith(ChangeNotifications.ACCESS)) {
            String viewer = payload.substring(ChangeNotifications.ACCESS.length());
            int slash = viewer.indexOf('/');
            if (slash > 0) {
                streams.accessChanged(viewer.substring(0, slash), viewer.substring(slash + 1));
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "transcript-service listener");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(config.stream().reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
