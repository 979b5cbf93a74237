package cc.monitoring.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * The outbox of this service's schema, as gauges (docs/operations.md): {@code monitoring_outbox_backlog} (events
 * written but not yet acknowledged by Kafka) and {@code monitoring_outbox_oldest_age_seconds} (how long the oldest
 * of them has waited; 0 when empty). Both describe the shared schema, so every instance reports the same value:
 * aggregate with {@code max}, not {@code sum}.
 */
@ApplicationScoped
public class OutboxMeters {

    /** Rows waiting and the age of the oldest, in seconds. */
    record Backlog(long rows, double oldestAgeSeconds) {
        static final Backlog NONE = new Backlog(0, 0);
    }

    private final EntityManager em;
    private final MeterRegistry registry;
    private final MeterSnapshots snapshots;

    public OutboxMeters(EntityManager em, MeterRegistry registry, MeterSnapshots snapshots) {
        this.em = em;
        this.registry = registry;
        this.snapshots = snapshots;
    }

    void register(@Observes StartupEvent ignored) {
        Snapshot<Backlog> backlog = snapshots.of(this::read, Backlog.NONE);
        Gauge.builder("monitoring.outbox.backlog", backlog, b -> b.get().rows())
                .description("Events in the outbox not yet acknowledged by Kafka")
                .strongReference(true)
                .register(registry);
        Gauge.builder("monitoring.outbox.oldest.age", backlog, b -> b.get().oldestAgeSeconds())
                .description("How long the oldest event in the outbox has waited (0 when it is empty)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private Backlog read() {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event""")
                .getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }
}
