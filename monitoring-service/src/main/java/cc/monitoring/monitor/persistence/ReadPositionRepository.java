package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.transcript.TranscriptRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** B11: users' read positions, kept from transcript-events. */
@ApplicationScoped
public class ReadPositionRepository {

    private final EntityManager em;

    public ReadPositionRepository(EntityManager em) {
        this.em = em;
    }

    /** B11: the user has seen the transcript up to a position; only forward moves count. */
    public void advance(TranscriptRead read) {
        em.createNativeQuery("""
                        insert into read_position (tenant_id, user_id, interaction_id, position, read_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (tenant_id, user_id, interaction_id) do update
                            set position = excluded.position, read_at = excluded.read_at
                        where read_position.position < excluded.position""")
                .setParameter(1, read.tenantId()).setParameter(2, read.userId())
                .setParameter(3, read.interactionId()).setParameter(4, read.position())
                .setParameter(5, read.at() == null ? Instant.now() : read.at())
                .executeUpdate();
    }

    /** Position per interaction id; interactions never read are absent. */
    public Map<String, Long> of(String tenantId, String userId, Collection<String> interactionIds) {
        Map<String, Long> positions = new HashMap<>();
        if (interactionIds.isEmpty()) {
            return positions;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select interaction_id, position from read_position
                        where tenant_id = ?1 and user_id = ?2 and interaction_id in (?3)""")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, interactionIds)
                .getResultList();
        for (Object[] row : rows) {
            positions.put((String) row[0], ((Number) row[1]).longValue());
        }
        return positions;
    }

    /**
     * B11, B51: positions of several users in several interactions of a tenant, in one query: user id → interaction
     * id → position; pairs never read are absent.
     */
    public Map<String, Map<String, Long>> ofUsers(String tenantId, Collection<String> userIds,
                                                  Collection<String> interactionIds) {
        Map<String, Map<String, Long>> positions = new HashMap<>();
        if (userIds.isEmpty() || interactionIds.isEmpty()) {
            return positions;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select user_id, interaction_id, position from read_position
                        where tenant_id = ?1 and interaction_id in (?2) and user_id in (?3)""")
                .setParameter(1, tenantId).setParameter(2, interactionIds).setParameter(3, userIds)
                .getResultList();
        for (Object[] row : rows) {
            positions.computeIfAbsent((String) row[0], u -> new HashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        return positions;
    }
}
