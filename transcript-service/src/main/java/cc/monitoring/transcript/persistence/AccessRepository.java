package cc.monitoring.transcript.persistence;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.transcript.domain.SessionState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/**
 * The read models that decide who may read: monitoring sessions (from monitoring-events) and users'
 * effective permissions (from permission-events). Every query is scoped by the tenant.
 */
@ApplicationScoped
public class AccessRepository {

    private final EntityManager em;
    private final ObjectMapper json;

    public AccessRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** An ACTIVE session of the user on the interaction in their tenant, with its channel (may be unknown). */
    public Optional<ActiveSession> activeSession(String tenantId, String interactionId, String userId) {
        @SuppressWarnings("unchecked")
        List<Object> channels = em.createNativeQuery("""
                        select coalesce(channel, '') from monitor_session
                        where tenant_id = ?1 and interaction_id = ?2 and supervisor_id = ?3 and state = 'ACTIVE'""")
                .setParameter(1, tenantId).setParameter(2, interactionId).setParameter(3, userId)
                .setMaxResults(1).getResultList();
        return channels.stream().findFirst().map(c -> new ActiveSession(c.toString().isEmpty() ? null : Channel.valueOf(c.toString())));
    }

    public record ActiveSession(Channel channel) {
    }

    /** The user's effective permissions at their newest revision; none if unknown or removed. */
    public List<String> permissions(String tenantId, String userId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                        select cast(permissions as text) from user_permission
                        where tenant_id = ?1 and user_id = ?2 and not removed""")
                .setParameter(1, tenantId).setParameter(2, userId).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        try {
            return json.readValue(rows.get(0).toString(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored permissions are not a JSON list", e);
        }
    }

    /**
     * A session's state after a monitoring event; an ENDED session stays ended, and a session id never
     * moves to another tenant. True if the row changed.
     */
    public boolean sessionChanged(String sessionId, String tenantId, String interactionId, String supervisorId,
                                  Channel channel, SessionState state) {
        return em.createNativeQuery("""
                        insert into monitor_session (session_id, tenant_id, interaction_id, supervisor_id, channel, state)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (session_id) do update set state = excluded.state, updated_at = now()
                        where monitor_session.state <> 'ENDED' and monitor_session.tenant_id = excluded.tenant_id
                            and monitor_session.state <> excluded.state""")
                .setParameter(1, sessionId).setParameter(2, tenantId).setParameter(3, interactionId)
                .setParameter(4, supervisorId).setParameter(5, channel == null ? null : channel.name())
                .setParameter(6, state.name())
                .executeUpdate() == 1;
    }

    /** Only a newer revision replaces what is kept. True if it did. */
    public boolean permissionsChanged(String tenantId, String userId, List<String> permissions, long revision) {
        return em.createNativeQuery("""
                        insert into user_permission (tenant_id, user_id, permissions, revision, removed)
                        values (?1, ?2, cast(?3 as jsonb), ?4, false)
                        on conflict (tenant_id, user_id) do update set permissions = excluded.permissions,
                            revision = excluded.revision, removed = false, updated_at = now()
                        where user_permission.revision < excluded.revision""")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, write(permissions))
                .setParameter(4, revision)
                .executeUpdate() == 1;
    }

    /** A removed user holds nothing; the tombstone keeps an older, late revision from reviving them. */
    public boolean removed(String tenantId, String userId, long revision) {
        return em.createNativeQuery("""
                        insert into user_permission (tenant_id, user_id, permissions, revision, removed)
                        values (?1, ?2, '[]', ?3, true)
                        on conflict (tenant_id, user_id) do update set permissions = '[]', revision = excluded.revision,
                            removed = true, updated_at = now()
                        where user_permission.revision < excluded.revision""")
                .setParameter(1, tenantId).setParameter(2, userId).setParameter(3, revision)
                .executeUpdate() == 1;
    }

    private String write(List<String> permissions) {
        try {
            return json.writeValueAsString(permissions == null ? List.of() : permissions);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
