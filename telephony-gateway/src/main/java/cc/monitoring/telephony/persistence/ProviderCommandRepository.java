package cc.monitoring.telephony.persistence;

import cc.monitoring.telephony.domain.ProviderCommandKind;
import cc.monitoring.telephony.domain.ProviderCommandState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The durable provider commands (B29). */
@ApplicationScoped
public class ProviderCommandRepository implements PanacheRepositoryBase<ProviderCommandEntity, Long> {

    /**
     * Takes the oldest due pending command that is the oldest pending command of its call (per-call order: a
     * mode change waits for its dial), locked for the caller's transaction. Rows another worker holds are
     * skipped, and with them the rest of that worker's call (its older row is still pending), so several
     * workers and instances never perform one row twice at once nor overtake within a call.
     */
    @SuppressWarnings("unchecked")
    public Optional<ProviderCommandEntity> claimNextDue(Instant now) {
        List<ProviderCommandEntity> rows = getEntityManager().createNativeQuery("""
                        select c.* from provider_command c
                        where c.state = 'PENDING' and c.next_attempt_at <= ?1
                          and not exists (select 1 from provider_command o
                                          where o.call_id = c.call_id and o.state = 'PENDING' and o.id < c.id)
                        order by c.next_attempt_at, c.id
                        limit 1
                        for update of c skip locked""", ProviderCommandEntity.class)
                .setParameter(1, now)
                .getResultList();
        return rows.stream().findFirst();
    }

    /** When the next pending command that is not due yet will be (to sleep until then). */
    public Optional<Instant> nextDueAfter(Instant now) {
        return Optional.ofNullable(getEntityManager().createQuery(
                        "select min(c.nextAttemptAt) from ProviderCommandEntity c where c.state = ?1 and c.nextAttemptAt > ?2",
                        Instant.class)
                .setParameter(1, ProviderCommandState.PENDING)
                .setParameter(2, now)
                .getSingleResult());
    }

    /** The leg's commands, oldest first. */
    public List<ProviderCommandEntity> ofLeg(UUID legId) {
        return list("legId = ?1 order by id", legId);
    }

    /** Whether a command of this kind for the leg is still waiting for the worker. */
    public boolean isPending(UUID legId, ProviderCommandKind kind) {
        return count("legId = ?1 and kind = ?2 and state = ?3", legId, kind, ProviderCommandState.PENDING) > 0;
    }
}
