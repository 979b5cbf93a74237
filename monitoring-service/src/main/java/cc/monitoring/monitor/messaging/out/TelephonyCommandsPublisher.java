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

/**
 * Asks the telephony gateway for monitor legs on {@code telephony-commands} (key = the session's call
 * id) through the outbox, in the transaction of the change.
 */
@ApplicationScoped
public class TelephonyCommandsPublisher {

    private final OutboxWriter outbox;

    public TelephonyCommandsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Dials the session's extension into its call (B21). */
    public void dial(Session session) {
        command(DIAL_MONITOR_LEG, session, new DialMonitorLeg(session.tenantId(), session.callId(), session.id(),
                session.supervisorId(), session.extension().kind(), session.extension().address()));
    }

    /** Asks for the leg mode (B29). */
    public void setLegMode(Session session, LegMode mode) {
        command(SET_MONITOR_LEG_MODE, session, new SetMonitorLegMode(session.tenantId(), session.callId(), session.id(), mode));
    }

    /** Takes the monitor leg out of the call (B24); the call goes on. */
    public void hangUp(Session session) {
        command(HANG_UP_MONITOR_LEG, session, new HangUpMonitorLeg(session.tenantId(), session.callId(), session.id()));
    }

    private void command(String type, Session session, Object data) {
        outbox.append(Topics.TELEPHONY_COMMANDS, session.callId(),
                CloudEvent.of(type, MonitoringEventsPublisher.SOURCE, session.tenantId(), session.id(), data));
    }
}
