package cc.monitoring.kit.messaging;

import cc.monitoring.kit.KitConfig;
import cc.monitoring.kit.retention.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code consumed_event} rows (the idempotent consumer's memory of event ids) are kept
 * {@code kit.retention.consumed-events} (7 days): far longer than any redelivery (a record is redelivered
 * within a consumer-group rebalance or an outbox resend, seconds to minutes; a consumer down for longer than
 * the topic's own retention loses more than its duplicates). Older rows are deleted by {@code Retention}.
 */
@ApplicationScoped
public class ConsumedEventRetention implements RetentionPolicy {

    private final EntityManager em;
    private final KitConfig config;

    public ConsumedEventRetention(EntityManager em, KitConfig config) {
        this.em = em;
        this.config = config;
    }

    @Override
    public String name() {
        return "consumed_event";
    }

    @Override
    public Duration keep() {
        return config.retention().consumedEvents();
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        return em.createNativeQuery("""
                        delete from consumed_event where ctid = any(array(
                            select ctid from consumed_event where consumed_at < ?1 limit ?2))""")
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate();
    }
}
