package cc.monitoring.kit.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * B51: what this instance hears of the changes announced by any instance ({@link LiveNotifier}). One
 * listening connection for the configured channels ({@code kit.live.channels}), started with the
 * service; the changes go to the subscribers of their channel. Each time the listener (re)connects,
 * every subscriber receives a resync ({@link LiveChange#isResync()}): look at everything again.
 * Subscribers must not block; they run on a few shared delivery threads.
 */
@ApplicationScoped
public class LiveChannels {

    private final Set<String> channels;
    private final LiveConfig config;
    private final Optional<String> jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String applicationName;
    private final ExecutorService deliveries;
    private final LiveFanOut fanOut;
    private LiveListener listener;

    public LiveChannels(LiveConfig config,
                        @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl,
                        @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                        @ConfigProperty(name = "quarkus.application.name", defaultValue = "service") String applicationName) {
        this.config = config;
        this.channels = new TreeSet<>(config.channels().orElse(Set.of()));
        this.channels.forEach(LivePayload::requireChannel);
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.applicationName = applicationName;
        AtomicInteger count = new AtomicInteger();
        this.deliveries = Executors.newFixedThreadPool(Math.max(1, config.deliveryThreads()), r -> {
            Thread thread = new Thread(r, "live-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.fanOut = new LiveFanOut(deliveries, config.subscriberQueue());
    }

    void start(@Observes StartupEvent ignored) {
        if (channels.isEmpty()) {
            return;
        }
        String url = jdbcUrl.orElseThrow(() -> new IllegalStateException(
                "kit.live.channels needs quarkus.datasource.jdbc.url to listen on"));
        listener = new LiveListener(List.copyOf(channels), () -> connect(url), config,
                (List<LiveChange> changes) -> fanOut.publish(changes), fanOut::resyncAll);
        listener.start("live-listener");
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (listener != null) {
            listener.stop();
        }
        deliveries.shutdownNow();
    }

    /** {@code subscriber} receives the changes of {@code channel}, one of {@code kit.live.channels}, until closed. */
    public LiveSubscription subscribe(String channel, Consumer<LiveChange> subscriber) {
        if (!channels.contains(channel)) {
            throw new IllegalArgumentException("not a channel of kit.live.channels " + channels + ": " + channel);
        }
        return fanOut.subscribe(channel, subscriber);
    }

    /**
     * {@code subscriber} receives the changes of {@code channel} in batches: those of one listener wake-up,
     * and whatever arrived while it handled the previous batch, so one subscriber can serve many consoles
     * with one read per batch. More than {@code capacity} waiting changes collapse into one resync.
     */
    public LiveSubscription subscribeBatches(String channel, int capacity, Consumer<List<LiveChange>> subscriber) {
        if (!channels.contains(channel)) {
            throw new IllegalArgumentException("not a channel of kit.live.channels " + channels + ": " + channel);
        }
        return fanOut.subscribeBatches(channel, capacity, subscriber);
    }

    /** The channels this instance listens on. */
    public Set<String> channels() {
        return Collections.unmodifiableSet(channels);
    }

    /** Whether this instance hears every change right now (true if it has no channels). */
    public boolean listening() {
        return channels.isEmpty() || (listener != null && listener.listening());
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", applicationName + " live");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return connection;
    }
}
