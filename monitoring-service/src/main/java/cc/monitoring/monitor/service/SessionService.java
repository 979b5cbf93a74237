package cc.monitoring.monitor.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.AlreadyMonitoringException;
import cc.monitoring.monitor.domain.Extension;
import cc.monitoring.monitor.domain.Ids;
import cc.monitoring.monitor.domain.MonitoringPolicy;
import cc.monitoring.monitor.domain.MonitoringRefusedException;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.SessionAction;
import cc.monitoring.monitor.domain.SessionNotFoundException;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.domain.VoiceMonitorActiveException;
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

/**
 * What a supervisor does with a session over REST: start (voice dials, digital reads at once),
 * barge, mute, coach (asked of the telephony provider, B29), hang up / end. Each accepted change is
 * stored, published and audited in one transaction; each refusal, bad input included, is audited
 * once, on its own, by {@link Attempt} (B40, B41). A session is loaded once per request, by the
 * caller's tenant and its id.
 */
@ApplicationScoped
public class SessionService {

    private final Directory directory;
    private final InteractionRepository interactions;
    private final SessionRepository sessions;
    private final SessionEvents sessionEvents;
    private final TelephonyCommandsPublisher commands;
    private final AuditTrail audit;
    private final ModeChanges modes;
    private final SessionEnds ends;
    private final MonitoringMetrics metrics;

    public SessionService(Directory directory, InteractionRepository interactions, SessionRepository sessions,
                          SessionEvents sessionEvents, TelephonyCommandsPublisher commands, AuditTrail audit,
                          ModeChanges modes, SessionEnds ends, MonitoringMetrics metrics) {
        this.directory = directory;
        this.interactions = interactions;
        this.sessions = sessions;
        this.sessionEvents = sessionEvents;
        this.commands = commands;
        this.audit = audit;
        this.modes = modes;
        this.ends = ends;
        this.metrics = metrics;
    }

    public Session start(Caller caller, String interactionId, String extensionAddress) {
        Attempt attempt = new Attempt(caller, SessionAction.START, interactionId, null);
        return attempt.run(() -> {
            String id = Ids.id(interactionId, "interactionId");
            String extension = Ids.optional(extensionAddress, Ids.MAX_NAME, "extension");
            try {
                Session started = QuarkusTransaction.requiringNew().call(() -> startInTransaction(caller, id, extension));
                metrics.started(started);
                return started;
            } catch (RuntimeException e) {
                if (!causedByUniqueIndex(e)) {
                    throw e;
                }
                throw QuarkusTransaction.requiringNew().call(() -> raceWinner(caller, id, e));
            }
        });
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
        sessionEvents.done(SessionAction.START, session, null);
        audit.accepted(Action.START, session, session.extension() == null ? null : "extension " + session.extension().label());
        if (session.isVoice()) {
            commands.dial(session);
        } else {
            sessionEvents.done(SessionAction.JOIN, session, null);
            audit.accepted(Action.JOIN, session, null);
        }
        return session;
    }

    /** B22: a concurrent start won the race for the unique index; the refusal names the session that won. */
    private MonitoringRefusedException raceWinner(Caller caller, String interactionId, RuntimeException lost) {
        Optional<SessionEntity> live = sessions.liveOf(caller.tenantId(), caller.userId(), interactionId);
        if (live.isPresent()) {
            return new AlreadyMonitoringException(live.get().sessionId);
        }
        return sessions.liveVoiceOf(caller.tenantId(), caller.userId())
                .map(s -> (MonitoringRefusedException) new VoiceMonitorActiveException(s.sessionId, s.interactionId))
                .orElseThrow(() -> lost);
    }

    public Session barge(Caller caller, String sessionId) {
        return changeMode(caller, sessionId, SessionAction.BARGE);
    }

    public Session mute(Caller caller, String sessionId) {
        return changeMode(caller, sessionId, SessionAction.MUTE);
    }

    public Session coach(Caller caller, String sessionId) {
        return changeMode(caller, sessionId, SessionAction.COACH);
    }

    /**
     * B29: asks the telephony provider for the mode; the session shows it as pending until the
     * provider confirms (then it is the mode, published and audited) or refuses it.
     */
    private Session changeMode(Caller caller, String sessionId, SessionAction action) {
        Attempt attempt = new Attempt(caller, action, null, sessionId);
        return attempt.run(() -> QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity entity = attempt.ownLocked();
            Session before = entity.toDomain();
            Session after = action.ask(before, directory.supervisor(caller), Times.now());
            if (after.equals(before)) {
                return after;
            }
            modes.ask(entity, after);
            audit.requested(Action.of(action), after, before.mode() + " -> " + after.pending().mode());
            return after;
        }));
    }

    /** Hang up (voice, B24: only the monitor leg) or End Monitoring (digital, B33). */
    public Session end(Caller caller, String sessionId) {
        Attempt attempt = new Attempt(caller, SessionAction.END, null, sessionId);
        return attempt.run(() -> QuarkusTransaction.requiringNew().call(() -> {
            SessionEntity entity = attempt.ownLocked();
            return ends.bySupervisor(entity, entity.toDomain().endReasonBySupervisor(), null, true);
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

    private static boolean causedByUniqueIndex(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * One request of a supervisor about a session or an interaction: the one path by which every
     * refusal (bad input, not found, not permitted, ended, already monitoring; B02, B04, B05, B22,
     * B50) is audited, once, naming the interaction when it is known.
     */
    private final class Attempt {
        private final Caller caller;
        private final SessionAction action;
        private final String sessionId;
        private String interactionId;

        Attempt(Caller caller, SessionAction action, String interactionId, String sessionId) {
            this.caller = caller;
            this.action = action;
            this.interactionId = interactionId;
            this.sessionId = sessionId;
        }

        Session run(Supplier<Session> work) {
            try {
                return work.get();
            } catch (MonitoringRefusedException refusal) {
                audit.refused(caller, Action.of(action), interactionId, sessionId, refusal.type());
                metrics.refused(action, refusal.type());
                throw refusal;
            }
        }

        /** The caller's own session, locked, loaded once by (tenant, id); another's answers as not found. */
        SessionEntity ownLocked() {
            SessionEntity entity = sessions.lockOf(caller.tenantId(), Ids.id(sessionId, "session id"))
                    .orElseThrow(() -> new SessionNotFoundException(sessionId));
            interactionId = entity.interactionId; // the tenant's session: its interaction goes into a refusal's record
            if (!entity.supervisorId.equals(caller.userId())) {
                throw new SessionNotFoundException(sessionId);
            }
            return entity;
        }
    }
}
