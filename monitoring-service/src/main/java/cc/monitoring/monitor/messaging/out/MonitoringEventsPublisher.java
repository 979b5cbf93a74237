package cc.monitoring.monitor.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.monitor.domain.Session;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Announces session changes on {@code monitoring-events} (key = interaction id) through the outbox, in the transaction of the change. */
@ApplicationScoped
public class MonitoringEventsPublisher {

    static final String SOURCE = "/monitoring-service";

    private final OutboxWriter outbox;

    public MonitoringEventsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** One of EventTypes.MONITOR_*, with the session as it is after the change. */
    public void sessionEvent(String type, Session session, String detail) {
        MonitoringEvent data = new MonitoringEvent(session.tenantId(), session.id(), session.interactionId(),
                session.channel(), session.supervisorId(), session.supervisorName(),
                session.state(),
                session.mode(), session.extension() == null ? null : session.extension().label(),
                session.extension() == null ? null : session.extension().address(), session.endReason(), detail,
                Instant.now());
        outbox.append(Topics.MONITORING_EVENTS, session.interactionId(),
                CloudEvent.of(type, SOURCE, session.tenantId(), session.id(), data));
    }

    /** B34: a review of an ended transcript started; transcript-service lets the reviewer read until it expires. */
    public void transcriptReviewGranted(TranscriptReviewGranted grant) {
        outbox.append(Topics.MONITORING_EVENTS, grant.interactionId(),
                CloudEvent.of(EventTypes.TRANSCRIPT_REVIEW_GRANTED, SOURCE, grant.tenantId(), grant.reviewId(), grant));
    }
}
