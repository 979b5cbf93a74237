package cc.monitoring.monitor.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.monitor.domain.Session;
import jakarta.enterprise.context.ApplicationScoped;

import static cc.monitoring.contracts.EventTypes.DIAL_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.HANG_UP_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.SET_MONITOR_LEG_MODE;

/** Asks the telephony gateway for monitor legs on {@code telephony-commands} (key = call id) through the outbox. */
@ApplicationScoped
public class TelephonyCommandsPublisher {

    private final OutboxWriter outbox;

    public TelephonyCommandsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void dial(Session session, String callId) {
        command(DIAL_MONITOR_LEG, session, callId, new DialMonitorLeg(session.tenantId(), callId, session.id(),
                session.supervisorId(), session.extension().kind(), session.extension().address()));
    }

    public void setLegMode(Session session, String callId, LegMode mode) {
        command(SET_MONITOR_LEG_MODE, session, callId, new SetMonitorLegMode(session.tenantId(), callId, session.id(), mode));
    }

    public void hangUp(Session session, String callId) {
        command(HANG_UP_MONITOR_LEG, session, callId, new HangUpMonitorLeg(session.tenantId(), callId, session.id()));
    }

    private void command(String type, Session session, String callId, Object data) {
        outbox.append(Topics.TELEPHONY_COMMANDS, callId,
                CloudEvent.of(type, MonitoringEventsPublisher.SOURCE, session.tenantId(), session.id(), data));
    }
}
