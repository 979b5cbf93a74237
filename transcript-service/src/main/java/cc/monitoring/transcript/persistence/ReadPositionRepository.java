package cc.monitoring.transcript.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/** B11: each viewer's read position per interaction; it only moves forward. */
@ApplicationScoped
public class ReadPositionRepository {

    private final EntityManager em;

    public ReadPositionRepository(EntityManager em) {
        this.em = em;
    }

    public record Position(long position, Instant readAt) {
        public static final Position NONE = new Position(0, null);
    }

    public Position of(String tenantId, String userId, String interactionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select position, read_at from read_position
                        where tenant_id = ?1 and user_id = ?2 and interaction_id = ?3""")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, interactionId)
                .getResultList();
        if (rows.isEmpty()) {
            return Position.NONE;
        }
        Object readAt = rows.get(0)[1];
        return new Position(((Number) rows.get(0)[0]).longValue(),
                readAt instanceof Instant i ? i : readAt instanceof java.sql.Timestamp t ? t.toInstant()
                        : readAt instanceof java.time.OffsetDateTime o ? o.toInstant() : null);
    }

    /** Moves the position to {@code position} if that is forward; true if it moved. */
    public boolean advance(String tenantId, String userId, String interactionId, long position, Instant at) {
        return em.createNativeQuery("""
                        insert into read_position (tenant_id, user_id, interaction_id, position, read_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (tenant_id, user_id, interaction_id) do update
                            set position = excluded.position, read_at = excluded.read_at
                        where read_position.position < excluded.position""")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, interactionId)
                .setParameter(4, position).setParameter(5, at)
                .executeUpdate() == 1;
    }
}
