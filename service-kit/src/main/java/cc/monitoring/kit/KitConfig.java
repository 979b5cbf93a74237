package cc.monitoring.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings shared by every service. */
@ConfigMapping(prefix = "kit")
public interface KitConfig {

    Identity identity();

    Http http();

    Outbox outbox();

    Metrics metrics();

    interface Identity {
        /** The access-token claim that carries the caller's tenant. */
        @WithDefault("tenant")
        String tenantClaim();
    }

    interface Http {
        /** Bodies above this many bytes are refused with 413 before they are read. */
        @WithDefault("262144")
        long maxBodyBytes();
    }

    interface Outbox {
        /** How often the relay looks for unsent events when nothing woke it up. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("500")
        int batchSize();

        /** Whether this instance relays its outbox to Kafka (off only for special tests). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Metrics {
        /** How old a gauge read from the database (outbox backlog, live sessions) may be before a scrape refreshes it. */
        @WithDefault("10s")
        Duration refresh();
    }
}
