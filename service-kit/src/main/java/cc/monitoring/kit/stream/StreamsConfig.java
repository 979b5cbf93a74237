package cc.monitoring.kit.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits on the live streams (server-sent events) of one service instance. */
@ConfigMapping(prefix = "kit.streams")
public interface StreamsConfig {

    /** Open streams one user (tenant + subject) may hold on this instance at once. */
    @WithDefault("10")
    int perUser();

    /** Open streams this instance holds at once, for everyone together. */
    @WithDefault("2000")
    int perInstance();

    /** What a refused client is told to wait before trying again (Retry-After). */
    @WithDefault("10s")
    Duration retryAfter();

    /** How often a stream without news sends a comment, so proxies and the gateway keep it open. */
    @WithDefault("15s")
    Duration keepAlive();
}
