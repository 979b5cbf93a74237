package cc.monitoring.monitor.service;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.messaging.out.MonitoringEventsPublisher;
import cc.monitoring.monitor.messaging.out.TelephonyCommandsPublisher;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.service.AuditTrail.Action;
import cc.monitoring.monitor.service.AuditTrail.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Ends a session that something other than a supervisor's request ends: stores the end, releases
 * the leg when asked, publishes monitor-ended and audits it, naming the system as the actor when the
 * system caused the end (B41). Runs in the caller's transaction, on a locked session row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionEnds {

    private final InteractionRepository interactions;
    private final MonitoringEventsPublisher events;
    private final TelephonyCommandsPublisher commands;
    private final AuditTrail audit;

    public SessionEnds(InteractionRepository interactions, MonitoringEventsPublisher events, TelephonyCommandsPublisher commands, AuditTrail audit) {
        this.interactions = interactions;
        this.events = events;
        this.commands = commands;
        this.audit = audit;
    }

    /** The system ends the session (interaction ended, dial failed or timed out, permission revoked, ...). */
    public void bySystem(SessionEntity entity, EndReason reason, String detail, boolean releaseLeg) {
        Session after = end(entity, reason, detail, releaseLeg);
        if (after != null) {
            audit.bySystem(Action.END, Outcome.ACCEPTED, after, null, describe(reason, detail));
        }
    }

    /** The supervisor ended it outside this service (their phone hung up). */
    public void bySupervisor(SessionEntity entity, EndReason reason, String detail) {
        Session after = end(entity, reason, detail, false);
        if (after != null) {
            audit.accepted(Action.END, after, describe(reason, detail));
        }
    }

    private Session end(SessionEntity entity, EndReason reason, String detail, boolean releaseLeg) {
        Session before = entity.toDomain();
        if (before.isEnded()) {
            return null;
        }
        Session after = before.end(reason, detail, Times.now());
        entity.apply(after);
        if (releaseLeg && after.isVoice()) {
            InteractionEntity interaction = interactions.findById(after.interactionId());
            commands.hangUp(after, interaction.callId);
        }
        events.sessionEvent(EventTypes.MONITOR_ENDED, after, detail);
        return after;
    }

    private static String describe(EndReason reason, String detail) {
        return reason + (detail == null ? "" : " (" + detail + ")");
    }
}
