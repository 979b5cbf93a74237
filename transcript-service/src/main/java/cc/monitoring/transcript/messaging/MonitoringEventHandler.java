package cc.monitoring.transcript.messaging;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;

import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.kit.messaging.EventHandler;
import cc.monitoring.transcript.domain.SessionState;
import cc.monitoring.transcript.persistence.AccessRepository;
import cc.monitoring.transcript.persistence.ChangeNotifications;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who monitors what, from monitoring-events: one row per session id with its state after each event.
 * When a session starts or stops granting reading, the supervisor's open streams look again.
 */
@ApplicationScoped
public class MonitoringEventHandler implements EventHandler {

    private final AccessRepository access;
    private final ChangeNotifications changes;

    public MonitoringEventHandler(AccessRepository access, ChangeNotifications changes) {
        this.access = access;
        this.changes = changes;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventTypes.TRANSCRIPT_REVIEW_GRANTED.equals(event.type())) {
            reviewGranted(event);
            return;
        }
        if (!SessionState.isSessionEvent(event.type())) {
            return;
        }
        MonitoringEvent session = event.dataAs(MonitoringEvent.class);
        EventChecks.requireSameTenant(event, session.tenantId());
        EventChecks.require(session.sessionId(), "sessionId");
        Envelopes.requireInteractionId(session.interactionId());
        EventChecks.require(session.supervisorId(), "supervisorId");
        SessionState state = SessionState.after(event.type(), session.state());
        if (access.sessionChanged(session.sessionId(), session.tenantId(), session.interactionId(),
                session.supervisorId(), session.channel(), state)) {
            changes.accessChanged(session.tenantId(), session.supervisorId());
        }
    }

    /** B34: the reviewer may read the ended transcript until the grant expires; their open streams look again. */
    private void reviewGranted(CloudEvent event) {
        TranscriptReviewGranted grant = event.dataAs(TranscriptReviewGranted.class);
        EventChecks.requireSameTenant(event, grant.tenantId());
        EventChecks.require(grant.reviewId(), "reviewId");
        Envelopes.requireInteractionId(grant.interactionId());
        EventChecks.require(grant.userId(), "userId");
        EventChecks.require(grant.expiresAt() == null ? null : grant.expiresAt().toString(), "expiresAt");
        if (access.reviewGranted(grant.reviewId(), grant.tenantId(), grant.interactionId(), grant.userId(),
                grant.expiresAt())) {
            changes.accessChanged(grant.tenantId(), grant.userId());
        }
    }
}
