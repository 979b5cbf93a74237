package cc.monitoring.monitor.service;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.monitor.domain.Permissions;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.domain.SessionState;
import cc.monitoring.monitor.messaging.MonitoringPublisher;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import cc.monitoring.monitor.service.AuditTrail.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * What happens to sessions when the world changes: the leg answers or fails, the supervisor's phone
 * hangs up, the interaction ends, the supervisor loses the permission. Runs in the consumer's
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionLifecycle {

    private final SessionRepository sessions;
    private final InteractionRepository interactions;
    private final MonitoringPublisher publisher;
    private final AuditTrail audit;

    public SessionLifecycle(SessionRepository sessions, InteractionRepository interactions, MonitoringPublisher publisher,
                            AuditTrail audit) {
        this.sessions = sessions;
        this.interactions = interactions;
        this.publisher = publisher;
        this.audit = audit;
    }

    /** B21: the leg answered; the monitor is in the call, muted. */
    public void legConnected(MonitorLegEvent leg) {
        Optional<SessionEntity> found = sessions.lockOf(leg.tenantId(), leg.sessionId());
        if (found.isEmpty()) {
            return;
        }
        SessionEntity entity = found.get();
        Session before = entity.toDomain();
        if (before.state() != SessionState.DIALING) {
            if (before.isEnded()) {
                // hung up while it was ringing: make sure the leg does not stay in the call
                publisher.hangUp(before, leg.callId());
            }
            return;
        }
        Session after = before.legConnected(Times.now());
        entity.apply(after);
        publisher.sessionEvent(EventTypes.MONITOR_JOINED, after, null);
        audit.accepted(Action.JOIN, after, "muted");
    }

    /** B26: dialing failed; the session ends and the supervisor is free to monitor again. */
    public void legFailed(MonitorLegEvent leg) {
        endFromTelephony(leg, EndReason.DIAL_FAILED, leg.reason());
    }

    /** The leg went away without the supervisor asking here (their phone hung up, or the call ended). */
    public void legEnded(MonitorLegEvent leg) {
        EndReason reason = "CALL_ENDED".equals(leg.reason()) ? EndReason.INTERACTION_ENDED : EndReason.SUPERVISOR_HUNG_UP;
        endFromTelephony(leg, reason, leg.reason());
    }

    private void endFromTelephony(MonitorLegEvent leg, EndReason reason, String detail) {
        sessions.lockOf(leg.tenantId(), leg.sessionId()).ifPresent(entity -> {
            Session before = entity.toDomain();
            if (!before.isEnded()) {
                end(entity, before, reason, detail, false);
            }
        });
    }

    /**
     * B25: the interaction ended; every session on it ends and its leg is released. The interaction
     * row is updated first, so a start racing with this waits for it and then sees the end.
     */
    public void interactionEnded(InteractionEntity interaction) {
        for (SessionEntity entity : sessions.liveOnInteraction(interaction.interactionId)) {
            end(entity, entity.toDomain(), EndReason.INTERACTION_ENDED, null, true);
        }
    }

    /** A supervisor who lost MONITOR_ALL_CALLS stops monitoring at once. */
    public void permissionsChanged(String tenantId, String userId, java.util.Collection<String> permissions) {
        if (permissions.contains(Permissions.MONITOR_ALL_CALLS)) {
            return;
        }
        for (SessionEntity live : sessions.liveOfSupervisor(tenantId, userId)) {
            sessions.lockOf(tenantId, live.sessionId).ifPresent(entity ->
                    end(entity, entity.toDomain(), EndReason.PERMISSION_REVOKED, null, true));
        }
    }

    private void end(SessionEntity entity, Session before, EndReason reason, String detail, boolean releaseLeg) {
        Session after = before.end(reason, detail, Times.now());
        entity.apply(after);
        if (releaseLeg && after.isVoice()) {
            InteractionEntity interaction = interactions.findById(after.interactionId());
            publisher.hangUp(after, interaction.callId);
        }
        publisher.sessionEvent(EventTypes.MONITOR_ENDED, after, detail);
        audit.accepted(Action.END, after, reason + (detail == null ? "" : " (" + detail + ")"));
    }
}
