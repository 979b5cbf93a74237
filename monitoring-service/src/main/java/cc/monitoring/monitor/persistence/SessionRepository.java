package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SessionEntity, String> {

    /** The session, locked for a state transition; empty when it is not this tenant's. */
    public Optional<SessionEntity> lockOf(String tenantId, String sessionId) {
        return Optional.ofNullable(getEntityManager().find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE))
                .filter(s -> tenantId == null || s.tenantId.equals(tenantId));
    }

    public Optional<SessionEntity> of(String tenantId, String sessionId) {
        return findByIdOptional(sessionId).filter(s -> s.tenantId.equals(tenantId));
    }

    public Optional<SessionEntity> liveVoiceOf(String tenantId, String supervisorId) {
        return find("tenantId = ?1 and supervisorId = ?2 and channel = cc.monitoring.contracts.interaction.Channel.VOICE"
                + " and state <> cc.monitoring.contracts.monitoring.SessionState.ENDED", tenantId, supervisorId).firstResultOptional();
    }

    public Optional<SessionEntity> liveOf(String tenantId, String supervisorId, String interactionId) {
        return find("tenantId = ?1 and supervisorId = ?2 and interactionId = ?3"
                + " and state <> cc.monitoring.contracts.monitoring.SessionState.ENDED", tenantId, supervisorId, interactionId)
                .firstResultOptional();
    }

    public List<SessionEntity> liveOnInteraction(String interactionId) {
        return find("interactionId = ?1 and state <> cc.monitoring.contracts.monitoring.SessionState.ENDED order by requestedAt",
                interactionId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<SessionEntity> liveOnInteractions(Collection<String> interactionIds) {
        if (interactionIds.isEmpty()) {
            return List.of();
        }
        return list("interactionId in ?1 and state <> cc.monitoring.contracts.monitoring.SessionState.ENDED order by requestedAt",
                interactionIds);
    }

    public List<SessionEntity> liveOfSupervisor(String tenantId, String supervisorId) {
        return list("tenantId = ?1 and supervisorId = ?2 and state <> cc.monitoring.contracts.monitoring.SessionState.ENDED"
                + " order by requestedAt", tenantId, supervisorId);
    }

    /**
     * Live sessions of every tenant counted by channel, state and confirmed mode (null for DIALING and digital),
     * with the age in seconds of the oldest of each group: rows of {@code [channel, state, mode, count, seconds]}
     * (operations metrics, see docs/operations.md).
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> liveCounts() {
        return getEntityManager().createNativeQuery("""
                        select channel, state, mode, count(*), extract(epoch from now() - min(requested_at))
                        from monitoring_session where state <> 'ENDED' group by channel, state, mode""")
                .getResultList();
    }

    /**
     * B27: sessions still DIALING that were requested before {@code cutoff}, locked for this
     * transaction; rows another instance has locked are skipped, so several sweepers share the work.
     */
    public List<SessionEntity> lockDialingSince(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = getEntityManager().createNativeQuery("""
                        select session_id from monitoring_session
                        where state = 'DIALING' and requested_at <= ?1
                        order by requested_at limit ?2
                        for update skip locked""")
                .setParameter(1, cutoff).setParameter(2, limit)
                .getResultList();
        return ids.stream().map(id -> getEntityManager().find(SessionEntity.class, id)).toList();
    }

    /**
     * B41: marks the sessions of {@code supervisorId} on {@code interactionId} that were live at {@code at} (live now,
     * or ended at or after it: a read applied late still belongs to its session) and whose transcript was not read
     * yet as read at {@code at}; returns those sessions (each is marked once).
     */
    public List<SessionEntity> markFirstRead(String tenantId, String supervisorId, String interactionId, Instant at) {
        @SuppressWarnings("unchecked")
        List<String> ids = getEntityManager().createNativeQuery("""
                        update monitoring_session set first_read_at = ?4
                        where tenant_id = ?1 and supervisor_id = ?2 and interaction_id = ?3
                            and (state <> 'ENDED' or ended_at >= ?4) and first_read_at is null
                        returning session_id""")
                .setParameter(1, tenantId).setParameter(2, supervisorId).setParameter(3, interactionId)
                .setParameter(4, at)
                .getResultList();
        return ids.stream().map(id -> getEntityManager().find(SessionEntity.class, id)).toList();
    }
}
