package cc.monitoring.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by name: permission, interaction, monitoring, transcript, telephony. */
    Map<String, String> upstreams();

    Console console();

    Rest rest();

    Streams streams();

    /** Request bodies above this many bytes are refused with 413 (problem+json), declared or streamed. */
    @WithDefault("1048576")
    long maxBodyBytes();

    interface Console {
        /** The OIDC issuer the console signs in with. */
        String issuer();

        String clientId();
    }

    /** Ordinary requests: their own connection pool, never shared with streams. */
    interface Rest {
        /** A service that sends nothing for this long is answered for with 504 upstream-timeout. */
        @WithDefault("30s")
        Duration timeout();

        /** Connecting to a service (or waiting for a free pooled connection) longer than this: 504. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Connections per service. */
        @WithDefault("64")
        int poolSize();

        /** Requests waiting for a connection per service; beyond it: 503 gateway-busy. */
        @WithDefault("1024")
        int maxWaiting();
    }

    /** Long-lived server-sent-event streams: their own connections, capped. */
    interface Streams {
        /** Open streams from one client address at once; beyond it: 429 too-many-streams. */
        @WithDefault("100")
        int maxPerClient();

        /** Open streams through this gateway instance at once; beyond it: 429 too-many-streams. */
        @WithDefault("4000")
        int maxTotal();

        /**
         * A stream whose service sends nothing for this long is closed (the services send a keep-alive
         * comment every 15 s; the console reconnects).
         */
        @WithDefault("60s")
        Duration idleTimeout();

        /** What a client refused for too many streams is told to wait (Retry-After). */
        @WithDefault("10s")
        Duration retryAfter();
    }
}
