package cc.monitoring.monitor.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The team's agents for the agents view (issue 14): who is logged into the agent desktop (agent presence)
 * or has an ACTIVE interaction on a flow with silent monitoring on (B08: the others are never counted).
 */
@ApplicationScoped
public class AgentBoardRepository {

    /**
     * An agent: {@code liveSince} the start of their oldest current interaction (null: none), {@code loggedInAt}
     * when they logged into the desktop (null: not logged in); the name from their interactions, else from the
     * permission read model, else the id.
     */
    public record AgentEntry(String agentId, String agentName, Instant liveSince, boolean loggedIn, Instant loggedInAt) {
    }

    public record AgentCounts(long onInteraction, long available) {
    }

    private static final String AGENTS = """
            with live as (
                select agent_id, min(started_at) as live_since, max(agent_name) as agent_name from interaction
                where tenant_id = :tenant and silent_monitoring and state = 'ACTIVE' and agent_id is not null
                group by agent_id),
            desk as (
                select user_id, changed_at from agent_presence where tenant_id = :tenant and logged_in),
            agents as (
                select coalesce(live.agent_id, desk.user_id) as agent_id, live.agent_name, live.live_since,
                       desk.user_id is not null as logged_in, desk.changed_at as logged_in_at
                from live full join desk on desk.user_id = live.agent_id)
            """;

    private final EntityManager em;

    public AgentBoardRepository(EntityManager em) {
        this.em = em;
    }

    /** One page (plus one row): agents on an interaction first, longest-running first; then the others by name. */
    @SuppressWarnings("unchecked")
    public List<AgentEntry> page(String tenantId, int page, int size) {
        Query query = em.createNativeQuery(AGENTS + """
                select a.agent_id, coalesce(a.agent_name, u.display_name, a.agent_id) as name, a.live_since,
                       a.logged_in, a.logged_in_at
                from agents a left join user_permission u
                    on u.tenant_id = :tenant and u.user_id = a.agent_id and not u.removed
                order by (a.live_since is not null) desc, a.live_since, lower(coalesce(a.agent_name, u.display_name, a.agent_id)), a.agent_id
                limit :limit offset :offset""");
        List<Object[]> rows = query.setParameter("tenant", tenantId).setParameter("limit", size + 1)
                .setParameter("offset", (long) page * size).getResultList();
        return rows.stream().map(r -> new AgentEntry((String) r[0], (String) r[1], instant(r[2]),
                Boolean.TRUE.equals(r[3]), instant(r[4]))).toList();
    }

    public AgentCounts counts(String tenantId) {
        Object[] row = (Object[]) em.createNativeQuery(AGENTS + """
                        select count(*) filter (where live_since is not null), count(*) filter (where live_since is null)
                        from agents""")
                .setParameter("tenant", tenantId).getSingleResult();
        return new AgentCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** The ACTIVE interactions (silent monitoring on) of these agents, oldest first. */
    public List<InteractionEntity> liveInteractionsOf(String tenantId, Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        from InteractionEntity where tenantId = :tenant and silentMonitoring = true and state = 'ACTIVE'
                        and agentId in :agents order by startedAt, interactionId""", InteractionEntity.class)
                .setParameter("tenant", tenantId).setParameter("agents", agentIds).getResultList();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
