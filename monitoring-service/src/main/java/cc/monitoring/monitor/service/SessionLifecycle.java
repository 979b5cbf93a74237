package cc.monitoring.monitor.service;

import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.SessionAction;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.messaging.out.TelephonyCommandsPublisher;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import cc.monitoring.monitor.service.AuditTrail.Action;
import cc.monitoring.kit.permissions.PermissionsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;

/**
 * What happens to sessions when the world changes: the leg answers, fails, changes mode or hangs
 * up, the interaction ends, the supervisor loses a permission or logs into the agent desktop, a
 * transcript is read. Runs in the consumer's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SessionLifecycle {

    private final SessionRepository sessions;
    private final SessionEvents sessionEvents;
    private final TelephonyCommandsPublisher commands;
    private final AuditTrail audit;
    private final SessionEnds ends;
    private final ModeChanges modes;
    private final MonitoringMetrics metrics;

    public SessionLifecycle(SessionRepository sessions, SessionEvents sessionEvents, TelephonyCommandsPublisher commands,
                            AuditTrail audit, SessionEnds ends, ModeChanges modes, MonitoringMetrics metrics) {
        this.sessions = sessions;
        this.sessionEvents = sessionEvents;
        this.commands = commands;
        this.audit = audit;
        this.ends = ends;
        this.modes = modes;
        this.metrics = metrics;
    }

    /** B21: the leg answered; the monitor is in the call, muted. */
    public void legConnected(MonitorLegEvent leg) {
        sessions.lockOf(leg.tenantId(), leg.sessionId()).ifPresent(entity -> {
            Session before = entity.toDomain();
            if (before.state() != SessionState.DIALING) {
                if (before.isEnded()) {
                    // hung up (or timed out) while it was ringing: make sure the leg does not stay in the call
                    commands.hangUp(before);
                }
                return;
            }
            Session after = before.legConnected(Times.now());
            entity.apply(after);
            sessionEvents.done(SessionAction.JOIN, after, null);
            audit.accepted(Action.of(SessionAction.JOIN), after, "muted");
            metrics.dialConnected(after);
        });
    }

    /** B26: dialing failed; the session ends and the supervisor is free to monitor again. */
    public void legFailed(MonitorLegEvent leg) {
        sessions.lockOf(leg.tenantId(), leg.sessionId()).ifPresent(entity ->
                ends.bySystem(entity, EndReason.DIAL_FAILED, leg.reasonName(), false));
    }

    /** The leg went away without the supervisor asking here (their phone hung up, or the call ended). */
    public void legEnded(MonitorLegEvent leg) {
        sessions.lockOf(leg.tenantId(), leg.sessionId()).ifPresent(entity -> {
            if (leg.reason() == LegReason.CALL_ENDED) {
                ends.bySystem(entity, EndReason.INTERACTION_ENDED, leg.reasonName(), false);
            } else {
                ends.bySupervisor(entity, EndReason.SUPERVISOR_HUNG_UP, leg.reasonName(), false);
            }
        });
    }

    /** B29: the provider confirmed a mode. */
    public void legModeChanged(MonitorLegEvent leg) {
        modes.confirmed(leg);
    }

    /** B29: the provider refused a mode change. */
    public void legModeRefused(MonitorLegEvent leg) {
        modes.refused(leg);
    }

    /**
     * B25: the interaction ended; every session on it ends and its leg is released. The interaction
     * row is updated first, so a start racing with this waits for it and then sees the end.
     */
    public void interactionEnded(String interactionId, Instant endedAt) {
        for (SessionEntity entity : sessions.liveOnInteraction(interactionId)) {
            ends.bySystem(entity, EndReason.INTERACTION_ENDED, null, true);
            metrics.endedAfterInteraction(endedAt, entity.endedAt);
        }
    }

    /** B28: permission-service published a newer state of a user (the kit's read model stored it). */
    void onPermissionsChanged(@Observes PermissionsChanged change) {
        permissionsChanged(change.after().tenantId(), change.after().userId(), change.after().permissions());
    }

    /**
     * B28: permissions hold for the whole session. Without MONITOR_ALL_CALLS every session ends;
     * without BARGE_ALL_CALLS or COACH_CALLS a leg that uses (or asked for) that mode returns to muted.
     */
    public void permissionsChanged(String tenantId, String userId, Collection<String> permissions) {
        boolean mayMonitor = permissions.contains(PermissionNames.MONITOR_ALL_CALLS);
        for (SessionEntity live : sessions.liveOfSupervisor(tenantId, userId)) {
            sessions.lockOf(tenantId, live.sessionId).ifPresent(entity -> {
                if (!mayMonitor) {
                    ends.bySystem(entity, EndReason.PERMISSION_REVOKED, PermissionNames.MONITOR_ALL_CALLS + " revoked", true);
                } else {
                    modes.enforce(entity, permissions);
                }
            });
        }
    }

    /**
     * B28: a supervisor who logs into the agent desktop takes calls on their phone: their voice
     * monitoring ends. Digital sessions (read-only transcripts) go on.
     */
    public void loggedIntoAgentDesktop(String tenantId, String userId) {
        for (SessionEntity live : sessions.liveOfSupervisor(tenantId, userId)) {
            if (live.channel.isDigital()) {
                continue;
            }
            sessions.lockOf(tenantId, live.sessionId).ifPresent(entity ->
                    ends.bySystem(entity, EndReason.LOGGED_IN_AS_AGENT, null, true));
        }
    }

    /** B41: the first time a supervisor reads the transcript within a session is audited. */
    public void transcriptRead(String tenantId, String userId, String interactionId, long position, Instant at) {
        for (SessionEntity first : sessions.markFirstRead(tenantId, userId, interactionId, at)) {
            audit.accepted(Action.TRANSCRIPT_READ, first.toDomain(), "first read, up to message " + position);
        }
    }

    /** B27: a session that dialed too long ends; its leg is hung up. */
    public void dialTimedOut(SessionEntity entity, String detail) {
        ends.bySystem(entity, EndReason.DIAL_TIMEOUT, detail, true);
    }
}
