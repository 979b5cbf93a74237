package cc.monitoring.transcript.persistence;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.transcript.domain.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The read model that decides who may read: monitoring sessions (from monitoring-events). Every query is
 * scoped by the tenant. Permissions are not needed here: monitoring-service ends a session whose
 * supervisor lost MONITOR_ALL_CALLS, and that end arrives as a monitoring event.
 */
@ApplicationScoped
public class AccessRepository {

    private final EntityManager em;

    public AccessRepository(EntityManager em) {
        this.em = em;
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

    /** B34: a review grant of the user on the interaction in their tenant that has not expired at {@code now}. */
    public boolean reviewing(String tenantId, String interactionId, String userId, Instant now) {
        return !em.createNativeQuery("""
                        select 1 from transcript_review
                        where tenant_id = ?1 and interaction_id = ?2 and user_id = ?3 and expires_at > ?4""")
                .setParameter(1, tenantId).setParameter(2, interactionId).setParameter(3, userId)
                .setParameter(4, now).setMaxResults(1).getResultList().isEmpty();
    }

    /** B34: monitoring-service granted a review; a repeated grant (same review id) changes nothing. */
    public boolean reviewGranted(String reviewId, String tenantId, String interactionId, String userId, Instant expiresAt) {
        return em.createNativeQuery("""
                        insert into transcript_review (review_id, tenant_id, interaction_id, user_id, expires_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (review_id) do nothing""")
                .setParameter(1, reviewId).setParameter(2, tenantId).setParameter(3, interactionId)
                .setParameter(4, userId).setParameter(5, expiresAt).executeUpdate() == 1;
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
}
