package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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
                + " and state <> cc.monitoring.monitor.domain.SessionState.ENDED", tenantId, supervisorId).firstResultOptional();
    }

    public Optional<SessionEntity> liveOf(String tenantId, String supervisorId, String interactionId) {
        return find("tenantId = ?1 and supervisorId = ?2 and interactionId = ?3"
                + " and state <> cc.monitoring.monitor.domain.SessionState.ENDED", tenantId, supervisorId, interactionId)
                .firstResultOptional();
    }

    public List<SessionEntity> liveOnInteraction(String interactionId) {
        return find("interactionId = ?1 and state <> cc.monitoring.monitor.domain.SessionState.ENDED order by requestedAt",
                interactionId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<SessionEntity> liveOnInteractions(Collection<String> interactionIds) {
        if (interactionIds.isEmpty()) {
            return List.of();
        }
        return list("interactionId in ?1 and state <> cc.monitoring.monitor.domain.SessionState.ENDED order by requestedAt",
                interactionIds);
    }

    public List<SessionEntity> liveOfSupervisor(String tenantId, String supervisorId) {
        return list("tenantId = ?1 and supervisorId = ?2 and state <> cc.monitoring.monitor.domain.SessionState.ENDED"
                + " order by requestedAt", tenantId, supervisorId);
    }
}
