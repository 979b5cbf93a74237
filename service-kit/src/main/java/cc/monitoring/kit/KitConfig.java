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

    Retention retention();

    Kafka kafka();

    /**
     * What a production instance cannot run without: {@code %prod.kit.required-environment.<VARIABLE>=${VARIABLE}}
     * lines in a service's application.properties (database, credentials, Kafka, identity provider). Read when the
     * configuration is built, before any extension starts, so a missing variable stops start-up with a message that
     * names it ({@code SRCFG00011: Could not expand value DB_JDBC_URL ...}) instead of an extension's complaint
     * about its own property. Empty in dev and test (docs/security.md).
     */
    java.util.Map<String, String> requiredEnvironment();
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

    interface Retention {
        /** Whether this instance runs the retention job (tests call it with a chosen "now" instead). */
        @WithDefault("true")
        boolean enabled();

        /** How often the job runs; the first run is one interval after start-up. */
        @WithDefault("1h")
        Duration interval();

        /** Rows deleted per transaction. */
        @WithDefault("1000")
        int batchSize();

        /** How long an idempotent consumer remembers an event id: far longer than any redelivery. */
        @WithDefault("7d")
        Duration consumedEvents();
    }

    interface Kafka {
        /** The instance in the Kafka {@code client.id}s ({@code KafkaClients}); default HOSTNAME, else the pid. */
        java.util.Optional<String> instanceId();
    }

    interface Metrics {
        /** How old a gauge read from the database (outbox backlog, live sessions) may be before a scrape refreshes it. */
        @WithDefault("10s")
        Duration refresh();
    }
}
