package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecordEntity, Long> {

    /** {@code supervisorId} matches the supervisor concerned: the actor, or the subject of a system action. */
    public record AuditFilter(String supervisorId, String interactionId, String outcome, Instant from, Instant to) {
    }

    /** One page, plus the first record of the next page when there is one (so the caller knows). */
    public List<AuditRecordEntity> search(String tenantId, AuditFilter filter, int page, int size) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenantId);
        if (filter.supervisorId() != null) {
            query.append(" and subjectId = :subject");
            params.and("subject", filter.supervisorId());
        }
        if (filter.interactionId() != null) {
            query.append(" and interactionId = :interaction");
            params.and("interaction", filter.interactionId());
        }
        if (filter.outcome() != null) {
            query.append(" and outcome = :outcome");
            params.and("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            query.append(" and at >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and at < :to");
            params.and("to", filter.to());
        }
        return find(query + " order by at desc, id desc", params).range(page * size, page * size + size).list(); // page × size ≤ 1,000,000 (checked at the API)
    }

    /** Deletes at most {@code limit} records older than {@code cutoff} (retention); returns how many. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                        delete from audit_record where id = any(array(
                            select id from audit_record where at < ?1 limit ?2))""")
                .setParameter(1, java.time.OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC))
                .setParameter(2, limit)
                .executeUpdate();
    }
}
