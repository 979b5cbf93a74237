package cc.monitoring.monitor.messaging;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.service.LiveUpdates;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import static cc.monitoring.contracts.EventTypes.DIAL_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.HANG_UP_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.SET_MONITOR_LEG_MODE;

/**
 * Announces session changes on {@code monitoring-events} (key = interaction id) and asks the
 * telephony gateway for legs on {@code telephony-commands} (key = call id), both through the
 * outbox, in the transaction of the change.
 */
@ApplicationScoped
public class MonitoringPublisher {

    static final String SOURCE = "/monitoring-service";

    private final OutboxWriter outbox;
    private final LiveUpdates live;

    public MonitoringPublisher(OutboxWriter outbox, LiveUpdates live) {
        this.outbox = outbox;
        this.live = live;
    }

    /** One of EventTypes.MONITOR_*, with the session as it is after the change. */
    public void sessionEvent(String type, Session session, String detail) {
        MonitoringEvent data = new MonitoringEvent(session.tenantId(), session.id(), session.interactionId(),
                session.channel(), session.supervisorId(), session.supervisorName(), session.state().name(),
                session.mode(), session.extension() == null ? null : session.extension().label(),
                session.extension() == null ? null : session.extension().address(), session.endReason(), detail,
                Instant.now());
        outbox.append(Topics.MONITORING_EVENTS, session.interactionId(),
                CloudEvent.of(type, SOURCE, session.tenantId(), session.id(), data));
        live.sessionChanged(session.tenantId(), session.supervisorId(), session.id());
    }

    /** B34: a review of an ended transcript started; transcript-service lets the reviewer read until it expires. */
    public void transcriptReviewGranted(TranscriptReviewGranted grant) {
        outbox.append(Topics.MONITORING_EVENTS, grant.interactionId(), CloudEvent.of(EventTypes.TRANSCRIPT_REVIEW_GRANTED,
                SOURCE, grant.tenantId(), grant.reviewId(), grant));
    }

    public void dial(Session session, String callId) {
        command(DIAL_MONITOR_LEG, session, callId, new DialMonitorLeg(session.tenantId(), callId, session.id(), session.supervisorId(),
                session.extension().kind(), session.extension().address()));
    }

    public void setLegMode(Session session, String callId, LegMode mode) {
        command(SET_MONITOR_LEG_MODE, session, callId, new SetMonitorLegMode(session.tenantId(), callId, session.id(), mode));
    }

    public void hangUp(Session session, String callId) {
        command(HANG_UP_MONITOR_LEG, session, callId, new HangUpMonitorLeg(session.tenantId(), callId, session.id()));
    }

    private void command(String type, Session session, String callId, Object data) {
        outbox.append(Topics.TELEPHONY_COMMANDS, callId, CloudEvent.of(type, SOURCE, session.tenantId(), session.id(), data));
    }
}
