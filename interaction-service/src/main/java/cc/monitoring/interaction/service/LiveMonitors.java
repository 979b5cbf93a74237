package cc.monitoring.interaction.service;

import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.interaction.domain.MonitorMayNotWriteException;
import cc.monitoring.interaction.domain.SessionLiveness;
import cc.monitoring.interaction.persistence.MonitorSessionEntity;
import cc.monitoring.interaction.persistence.MonitorSessionRepository;
import cc.monitoring.kit.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Who monitors which interaction now, from monitoring-service's {@code monitoring-events} (B35): nobody who
 * monitors a conversation writes into it, whatever their role. Records of one interaction arrive in order (same
 * key, same partition); an ended session stays ended all the same.
 */
@ApplicationScoped
@Transactional
public class LiveMonitors {

    private final MonitorSessionRepository sessions;

    public LiveMonitors(MonitorSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Applies one monitoring event of type {@code eventType} to the read model. */
    public void sessionChanged(String eventType, MonitoringEvent event, UUID interactionId) {
        SessionLiveness liveness = SessionLiveness.after(eventType);
        MonitorSessionEntity session = sessions.findByIdOptional(event.sessionId()).orElse(null);
        if (session != null && (!session.tenantId.equals(event.tenantId())
                || !session.interactionId.equals(interactionId) || !session.supervisorId.equals(event.supervisorId()))) {
            throw new IllegalArgumentException("session " + event.sessionId() + " was reported for another tenant, "
                    + "interaction or supervisor before");
        }
        SessionLiveness kept = session == null ? null : session.ended ? SessionLiveness.OVER : SessionLiveness.LIVE;
        SessionLiveness after = liveness.keptAfter(kept);
        if (after == null || after == kept) {
            return;
        }
        if (session == null) {
            session = new MonitorSessionEntity();
            session.sessionId = event.sessionId();
            session.tenantId = event.tenantId();
            session.interactionId = interactionId;
            session.supervisorId = event.supervisorId();
        }
        session.ended = after == SessionLiveness.OVER;
        session.updatedAt = Instant.now();
        sessions.persist(session);
    }

    /**
     * Refuses (403 {@code monitor-may-not-write}) a caller with a live monitoring session on the interaction. An id
     * that is not an interaction's has no sessions: the caller learns that it is not found further on.
     */
    public void requireNotMonitoring(Caller caller, String interactionId) {
        UUID id;
        try {
            id = UUID.fromString(interactionId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return;
        }
        if (sessions.monitors(caller.tenantId(), id, caller.userId())) {
            throw new MonitorMayNotWriteException();
        }
    }
}
