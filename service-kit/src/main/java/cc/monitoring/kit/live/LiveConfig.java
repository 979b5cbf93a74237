package cc.monitoring.kit.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Live updates through PostgreSQL LISTEN/NOTIFY ({@link LiveChannels}, {@link LiveNotifier}). */
@ConfigMapping(prefix = "kit.live")
public interface LiveConfig {

    /**
     * The channels this instance LISTENs on (plain lower-case identifiers). None: no listening connection
     * is opened and the readiness check has nothing to wait for.
     */
    Optional<Set<String>> channels();

    /** How long one wait for notifications blocks; also how soon the listener notices that it should stop. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** The first wait before the listening connection is opened again after it failed; doubled per failure. */
    @WithDefault("500ms")
    Duration reconnectDelay();

    /** The longest wait between two attempts to reconnect. */
    @WithDefault("30s")
    Duration maxReconnectDelay();

    /** A quiet listening connection is checked ({@code select 1}) this often, so a dead server is noticed. */
    @WithDefault("30s")
    Duration keepAlive();

    /** Changes waiting for one slow subscriber; beyond that they collapse into one resync signal. */
    @WithDefault("256")
    int subscriberQueue();

    /** Threads that hand changes to the subscribers of this instance. */
    @WithDefault("2")
    int deliveryThreads();
}
