package cc.monitoring.interaction.service;

import cc.monitoring.interaction.domain.AgentPresence;
import cc.monitoring.interaction.messaging.out.AgentPresencePublisher;
import cc.monitoring.interaction.persistence.AgentSessionEntity;
import cc.monitoring.interaction.persistence.AgentSessionRepository;
import cc.monitoring.kit.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * The caller logs themself into and out of the agent desktop. Each change is published on
 * agent-presence (B04 needs it in monitoring-service); repeating the current state publishes nothing.
 */
@ApplicationScoped
@Transactional
public class AgentDesktopService {

    private final AgentSessionRepository sessions;
    private final AgentPresencePublisher events;

    public AgentDesktopService(AgentSessionRepository sessions, AgentPresencePublisher events) {
        this.sessions = sessions;
        this.events = events;
    }

    public AgentPresence current(Caller caller) {
        return sessions.byUser(caller.tenantId(), caller.userId())
                .map(AgentSessionRepository::toDomain)
                .orElseGet(() -> AgentPresence.neverLoggedIn(caller.userId()));
    }

    public AgentPresence logIn(Caller caller) {
        AgentSessionEntity session = sessions.lockForChange(caller.tenantId(), caller.userId());
        return apply(caller, session, AgentSessionRepository.toDomain(session).logIn(Instant.now()));
    }

    public AgentPresence logOut(Caller caller) {
        AgentSessionEntity session = sessions.lockForChange(caller.tenantId(), caller.userId());
        return apply(caller, session, AgentSessionRepository.toDomain(session).logOut(Instant.now()));
    }

    private AgentPresence apply(Caller caller, AgentSessionEntity session, Optional<AgentPresence> change) {
        if (change.isEmpty()) {
            return AgentSessionRepository.toDomain(session);
        }
        AgentPresence presence = change.get();
        session.loggedIn = presence.loggedIn();
        session.revision = presence.revision();
        session.changedAt = presence.changedAt();
        events.changed(caller.tenantId(), presence);
        return presence;
    }
}
