package cc.monitoring.monitor.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** B11: the caller's read positions, kept from transcript-events. */
@ApplicationScoped
public class ReadPositionRepository {

    private final EntityManager em;

    public ReadPositionRepository(EntityManager em) {
        this.em = em;
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
}
