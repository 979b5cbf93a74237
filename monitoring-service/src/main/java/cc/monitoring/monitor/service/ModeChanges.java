package cc.monitoring.monitor.service;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.ModeChange;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.domain.SessionAction;
import cc.monitoring.monitor.messaging.out.TelephonyCommandsPublisher;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import cc.monitoring.monitor.service.AuditTrail.Action;
import cc.monitoring.monitor.service.AuditTrail.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Set;

/**
 * B28/B29: the mode of a voice session is the mode the telephony provider confirmed. A change is
 * asked (command + pending), then confirmed (monitor-leg-mode-changed: published and audited) or
 * refused (monitor-leg-mode-refused: reverted, published as monitor-mode-refused, audited). A
 * supervisor who loses BARGE_ALL_CALLS or COACH_CALLS is asked back to muted by the system.
 * Runs in the caller's transaction, on a locked session row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ModeChanges {

    private final SessionRepository sessions;
    private final Directory directory;
    private final SessionEvents sessionEvents;
    private final TelephonyCommandsPublisher commands;
    private final AuditTrail audit;
    private final SessionEnds ends;

    public ModeChanges(SessionRepository sessions, Directory directory, SessionEvents sessionEvents,
                       TelephonyCommandsPublisher commands, AuditTrail audit, SessionEnds ends) {
        this.sessions = sessions;
        this.directory = directory;
        this.sessionEvents = sessionEvents;
        this.commands = commands;
        this.audit = audit;
        this.ends = ends;
    }

    /** Sends the command for a change that {@code after} asks for (its pending mode). */
    public void ask(SessionEntity entity, Session after) {
        entity.apply(after);
        commands.setLegMode(after, SessionAction.of(after.pending().mode()).legMode());
        sessionEvents.changed(after);
    }

    /** B29: the provider confirmed the leg's mode. */
    public void confirmed(MonitorLegEvent leg) {
        if (leg.mode() == null) {
            return;
        }
        sessions.lockOf(leg.tenantId(), leg.sessionId()).ifPresent(entity -> {
            Session before = entity.toDomain();
            SessionAction action = SessionAction.of(leg.mode());
            SessionMode confirmed = action.mode();
            Session after = before.modeConfirmed(confirmed);
            if (after.equals(before)) {
                return;
            }
            entity.apply(after);
            ModeChange asked = before.pending();
            boolean bySystem = asked != null && asked.mode() == confirmed && asked.bySystem();
            if (after.mode() == before.mode()) {
                sessionEvents.changed(after); // only the pending request went
            } else {
                sessionEvents.done(action, after, bySystem ? asked.reason() : null);
                String change = before.mode() + " -> " + after.mode();
                if (bySystem) {
                    audit.bySystem(Action.of(action), Outcome.ACCEPTED, after, null, change + " (" + asked.reason() + ")");
                } else {
                    audit.accepted(Action.of(action), after, change);
                }
            }
            enforce(entity, permissionsOf(after));
        });
    }

    /** B29: the provider refused the change; the leg keeps its mode and the supervisor learns why. */
    public void refused(MonitorLegEvent leg) {
        sessions.lockOf(leg.tenantId(), leg.sessionId()).ifPresent(entity -> {
            Session before = entity.toDomain();
            if (!before.isActiveVoice()) {
                return;
            }
            SessionMode kept = leg.mode() == null ? null : SessionAction.of(leg.mode()).mode();
            Session after = before.modeRefused(kept, leg.reasonName(), Times.now());
            entity.apply(after);
            String reason = after.lastRefusal().reason();
            sessionEvents.published(EventTypes.MONITOR_MODE_REFUSED, after, reason);
            ModeChange asked = before.pending();
            Action action = Action.of(SessionAction.of(asked != null ? asked.mode() : after.mode()));
            String detail = reason + ": " + (asked == null ? "?" : asked.mode()) + " refused, " + after.mode() + " kept";
            if (asked != null && asked.bySystem()) {
                audit.bySystem(action, Outcome.REFUSED, after, reason, detail);
                if (after.mode() != SessionMode.SILENT) {
                    // B28: the leg could not be muted although the supervisor may not be heard: it leaves the call
                    ends.bySystem(entity, EndReason.PERMISSION_REVOKED, asked.reason() + "; mute refused: " + reason, true);
                }
            } else {
                audit.refusedByProvider(action, after, reason);
            }
        });
    }

    /** B28: asks the leg back to muted when the supervisor may no longer use its mode (confirmed or asked). */
    public void enforce(SessionEntity entity, Collection<String> permissions) {
        Session before = entity.toDomain();
        SessionMode forbidden = before.modeNoLongerPermitted(permissions);
        if (forbidden == null) {
            return;
        }
        String why = (forbidden == SessionMode.BARGED ? "BARGE_ALL_CALLS" : "COACH_CALLS") + " revoked";
        Session after = before.forceMute(why, Times.now());
        if (after.equals(before)) {
            return;
        }
        ask(entity, after);
        audit.bySystem(Action.MUTE, Outcome.REQUESTED, after, null, before.mode() + " -> " + SessionMode.SILENT + " (" + why + ")");
    }

    private Collection<String> permissionsOf(Session session) {
        return directory.supervisor(new Caller(session.tenantId(), session.supervisorId(), session.supervisorName(), Set.of()))
                .permissions();
    }
}
