package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The monitoring sessions read model. Every lookup is scoped by the tenant. */
@ApplicationScoped
public class MonitorSessionRepository implements PanacheRepositoryBase<MonitorSessionEntity, String> {

    /** Whether the user has a session on the interaction that has not ended. */
    public boolean monitors(String tenantId, UUID interactionId, String userId) {
        return count("tenantId = ?1 and interactionId = ?2 and supervisorId = ?3 and ended = false",
                tenantId, interactionId, userId) > 0;
    }
}
