package cc.monitoring.monitor.service;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.AlreadyMonitoringException;
import cc.monitoring.monitor.domain.Extension;
import cc.monitoring.monitor.domain.Ids;
import cc.monitoring.monitor.domain.MonitoringPolicy;
import cc.monitoring.monitor.domain.MonitoringRefusedException;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.domain.SessionNotFoundException;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.domain.VoiceMonitorActiveException;
import cc.monitoring.monitor.messaging.out.MonitoringEventsPublisher;
import cc.monitoring.monitor.messaging.out.TelephonyCommandsPublisher;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import cc.monitoring.monitor.service.AuditTrail.Action;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static cc.monitoring.contracts.monitoring.EndReason.SUPERVISOR_ENDED;
import static cc.monitoring.contracts.monitoring.EndReason.SUPERVISOR_HUNG_UP;

/**
 * What a supervisor does with a session over REST: start (voice dials, digital reads at once),
 * barge, mute, coach (asked of the telephony provider, B29), hang up / end. Each accepted change is
 * stored, published and audited in one transaction; each refusal, bad input included, is audited on
 * its own (B40, B41).
 */
@ApplicationScoped
public class SessionService {

    private final Directory directory;
    private final InteractionRepository interactions;
    private final SessionRepository sessions;
    private final MonitoringEventsPublisher events;
    private final TelephonyCommandsPublisher commands;
    private final AuditTrail audit;
    private final ModeChanges modes;

    public SessionService(Directory directory, InteractionRepository interactions, SessionRepository sessions,
                          MonitoringEventsPublisher events, TelephonyCommandsPublisher commands, AuditTrail audit, ModeChanges modes) {
        this.directory = directory;
        this.interactions = interactions;
        this.sessions = sessions;
        this.events = events;
        this.commands = commands;
        this.audit = audit;
        this.modes = modes;
    }

    public Session start(Caller caller, String interactionId, String extensionAddress) {
        try {
            return audited(caller, Action.START, interactionId, null, () -> {
                String id = Ids.id(interactionId, "interactionId");
                String extension = Ids.optional(extensionAddress, Ids.MAX_NAME, "extension");
                return QuarkusTransaction.requiringNew().call(() -> startInTransaction(caller, id, extension));
            });
        } catch (RuntimeException e) {
            if (!causedByUniqueIndex(e)) {
                throw e;
            }
            // a concurrent start won the race for the unique index (B22): name the session that won
            MonitoringRefusedException refusal = QuarkusTransaction.requiringNew().call(() -> {
                Optional<SessionEntity> live = sessions.liveOf(caller.tenantId(), caller.userId(), interactionId);
                if (live.isPresent()) {
                    return new AlreadyMonitoringException(live.get().sessionId);
                }
                return sessions.liveVoiceOf(caller.tenantId(), caller.userId())
                        .map(s -> (MonitoringRefusedException) new VoiceMonitorActiveException(s.sessionId, s.interactionId))
                        .orElseThrow(() -> e);
            });
            audit.refused(caller, Action.START, interactionId, null, refusal.type());
            throw refusal;
        }
    }

    private Session startInTransaction(Caller caller, String interactionId, String extensionAddress) {
        Supervisor supervisor = directory.supervisor(caller);
        Optional<InteractionEntity> found = interactions.lockOf(interactionId)
                .filter(i -> i.tenantId.equals(caller.tenantId()));
        MonitoringPolicy.checkMayMonitor(supervisor, found.map(InteractionEntity::toDomain));
        InteractionEntity interaction = found.orElseThrow();
        sessions.liveOf(caller.tenantId(), caller.userId(), interactionId).ifPresent(s -> {
            throw new AlreadyMonitoringException(s.sessionId);
        });
        Instant now = Times.now();
        String id = UUID.randomUUID().toString();
        Session session;
        if (interaction.channel == Channel.VOICE) {
            Extension extension = MonitoringPolicy.chooseExtension(supervisor, extensionAddress);
            sessions.liveVoiceOf(caller.tenantId(), caller.userId()).ifPresent(s -> {
                throw new VoiceMonitorActiveException(s.sessionId, s.interactionId);
            });
            session = Session.requestVoice(id, supervisor, interaction.toDomain(), extension, now);
        } else {
            session = Session.startDigital(id, supervisor, interaction.toDomain(), now);
        }
        sessions.persist(new SessionEntity().apply(session));
        sessions.flush();
        interaction.monitored = true;
        events.sessionEvent(EventTypes.MONITOR_REQUESTED, session, null);
        audit.accepted(Action.START, session, session.extension() == null ? null : "extension " + session.extension().label());
        if (session.isVoice()) {
            commands.dial(session, interaction.callId);
        } else {
            events.sessionEvent(EventTypes.MONITOR_JOINED, session, null);
            audit.accepted(Action.JOIN, session, null);
        }
        return session;
    }

    public Session barge(Caller caller, String sessionId) {
        return changeMode(caller, sessionId, Action.BARGE);
    }

    public Session mute(Caller caller, String sessionId) {
        return changeMode(caller, sessionId, Action.MUTE);
    }

    public Session coach(Caller caller, String sessionId) {
        return changeMode(caller, sessionId, Action.COACH);
    }

    /**
     * B29: asks the telephony provider for the mode; the session shows it as pending until the
     * provider confirms (then it is the mode, published and audited) or refuses it.
     */
    private Session changeMode(Caller caller, String sessionId, Action action) {
        return audited(caller, action, null, sessionId, () -> QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity entity = ownLocked(caller, sessionId);
            Session before = entity.toDomain();
            Supervisor supervisor = directory.supervisor(caller);
            Instant now = Times.now();
            Session after = switch (action) {
                case BARGE -> before.barge(supervisor, now);
                case COACH -> before.coach(supervisor, now);
                default -> before.mute(now);
            };
            if (after.equals(before)) {
                return after;
            }
            modes.ask(entity, after);
            audit.requested(action, after, before.mode() + " -> " + after.pending().mode());
            return after;
        }));
    }

    /** Hang up (voice, B24: only the monitor leg) or End Monitoring (digital, B33). */
    public Session end(Caller caller, String sessionId) {
        return audited(caller, Action.END, null, sessionId, () -> QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity entity = ownLocked(caller, sessionId);
            Session before = entity.toDomain();
            if (before.isEnded()) {
                return before;
            }
            Session after = before.end(before.isVoice() ? SUPERVISOR_HUNG_UP : SUPERVISOR_ENDED, null, Times.now());
            entity.apply(after);
            if (after.isVoice()) {
                commands.hangUp(after, interactions.findById(after.interactionId()).callId);
            }
            events.sessionEvent(EventTypes.MONITOR_ENDED, after, null);
            audit.accepted(Action.END, after, after.endReason().name());
            return after;
        }));
    }

    public Session get(Caller caller, String sessionId) {
        String id = Ids.id(sessionId, "session id");
        return QuarkusTransaction.requiringNew().call(() -> sessions.of(caller.tenantId(), id)
                .filter(s -> s.supervisorId.equals(caller.userId()))
                .orElseThrow(() -> new SessionNotFoundException(sessionId))
                .toDomain());
    }

    public List<Session> live(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.liveOfSupervisor(caller.tenantId(), caller.userId())
                .stream().map(SessionEntity::toDomain).toList());
    }

    private SessionEntity ownLocked(Caller caller, String sessionId) {
        return sessions.lockOf(caller.tenantId(), Ids.id(sessionId, "session id"))
                .filter(s -> s.supervisorId.equals(caller.userId()))
                .orElseThrow(() -> new SessionNotFoundException(sessionId));
    }

    private Session audited(Caller caller, Action action, String interactionId, String sessionId, Supplier<Session> work) {
        try {
            return work.get();
        } catch (MonitoringRefusedException e) {
            audit.refused(caller, action, interactionId, sessionId, e.type());
            throw e;
        }
    }

    private static boolean causedByUniqueIndex(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
