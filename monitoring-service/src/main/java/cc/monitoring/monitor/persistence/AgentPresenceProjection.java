package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/** Agent-desktop logins (agent-presence), revision-guarded: an older or repeated event changes nothing. */
@ApplicationScoped
public class AgentPresenceProjection {

    private final EntityManager em;

    public AgentPresenceProjection(EntityManager em) {
        this.em = em;
    }

    /** Stores the user's newer presence; true when it changed the read model. */
    public boolean apply(AgentPresenceChanged presence) {
        int changed = em.createNativeQuery("""
                        insert into agent_presence (tenant_id, user_id, logged_in, revision, changed_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (tenant_id, user_id) do update set logged_in = excluded.logged_in,
                            revision = excluded.revision, changed_at = excluded.changed_at
                        where agent_presence.revision < excluded.revision""")
                .setParameter(1, presence.tenantId()).setParameter(2, presence.userId())
                .setParameter(3, presence.loggedIn()).setParameter(4, presence.revision())
                .setParameter(5, presence.at() == null ? Instant.now() : presence.at())
                .executeUpdate();
        return changed == 1;
    }
}
