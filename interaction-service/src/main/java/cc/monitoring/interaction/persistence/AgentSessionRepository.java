package cc.monitoring.interaction.persistence;

import cc.monitoring.interaction.domain.AgentPresence;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

/** Agent-desktop logins. Every query is scoped by the tenant. */
@ApplicationScoped
public class AgentSessionRepository implements PanacheRepositoryBase<AgentSessionEntity, AgentSessionEntity.Key> {

    public Optional<AgentSessionEntity> byUser(String tenantId, String userId) {
        return findByIdOptional(new AgentSessionEntity.Key(tenantId, userId));
    }

    /**
     * The user's row, created logged out (revision 0) on first use, locked until the transaction ends,
     * so that concurrent logins and logouts of one user get one revision each.
     */
    public AgentSessionEntity lockForChange(String tenantId, String userId) {
        getEntityManager().createNativeQuery("""
                        insert into agent_session (tenant_id, user_id, logged_in, revision, changed_at)
                        values (?1, ?2, false, 0, now())
                        on conflict (tenant_id, user_id) do nothing""")
                .setParameter(1, tenantId)
                .setParameter(2, userId)
                .executeUpdate();
        return findById(new AgentSessionEntity.Key(tenantId, userId), LockModeType.PESSIMISTIC_WRITE);
    }

    public static AgentPresence toDomain(AgentSessionEntity entity) {
        return entity.revision == 0 ? AgentPresence.neverLoggedIn(entity.key.userId())
                : new AgentPresence(entity.key.userId(), entity.loggedIn, entity.revision, entity.changedAt);
    }
}
