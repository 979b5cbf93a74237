package cc.monitoring.monitor.service;

import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.SessionAction;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.messaging.out.TelephonyCommandsPublisher;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.service.AuditTrail.Action;
import cc.monitoring.monitor.service.AuditTrail.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one way a session ends: stores the end, releases the leg when asked, publishes monitor-ended
 * and audits it, naming the system as the actor when the system caused the end (B41). Runs in the
 * caller's transaction, on a locked session row. Ending an ended session changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionEnds {

    private final SessionEvents sessionEvents;
    private final TelephonyCommandsPublisher commands;
    private final AuditTrail audit;
    private final MonitoringMetrics metrics;

    public SessionEnds(SessionEvents sessionEvents, TelephonyCommandsPublisher commands, AuditTrail audit,
                       MonitoringMetrics metrics) {
        this.sessionEvents = sessionEvents;
        this.commands = commands;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** The system ends the session (interaction ended, dial failed or timed out, permission revoked, ...). */
    public void bySystem(SessionEntity entity, EndReason reason, String detail, boolean releaseLeg) {
        Session after = end(entity, reason, detail, releaseLeg);
        if (after != null) {
            audit.bySystem(Action.END, Outcome.ACCEPTED, after, null, describe(reason, detail));
        }
    }

    /** The supervisor ends it: here (hang up / End Monitoring, the leg is released) or on their phone. */
    public Session bySupervisor(SessionEntity entity, EndReason reason, String detail, boolean releaseLeg) {
        Session after = end(entity, reason, detail, releaseLeg);
        if (after == null) {
            return entity.toDomain();
        }
        audit.accepted(Action.END, after, describe(reason, detail));
        return after;
    }

    private Session end(SessionEntity entity, EndReason reason, String detail, boolean releaseLeg) {
        Session before = entity.toDomain();
        if (before.isEnded()) {
            return null;
        }
        Session after = before.end(reason, detail, Times.now());
        entity.apply(after);
        metrics.dialEnded(before, reason);
        if (releaseLeg && after.isVoice()) {
            commands.hangUp(after);
        }
        sessionEvents.done(SessionAction.END, after, detail);
        return after;
    }

    private static String describe(EndReason reason, String detail) {
        return reason + (detail == null ? "" : " (" + detail + ")");
    }
}
