package cc.monitoring.telephony.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Announces calls and monitor legs on {@code telephony-events} (key = call id), through the outbox. */
@ApplicationScoped
public class TelephonyEventsPublisher {

    static final String SOURCE = "/telephony-gateway";

    private final OutboxWriter outbox;

    public TelephonyEventsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void callStarted(CallEntity call) {
        publish(EventTypes.CALL_STARTED, call.tenantId, call.callId, new CallStarted(call.tenantId, call.callId,
                call.flowId, call.agentId, call.agentName, call.customerNumber, call.startedAt));
    }

    public void callEnded(CallEntity call) {
        publish(EventTypes.CALL_ENDED, call.tenantId, call.callId,
                new CallEnded(call.tenantId, call.callId, call.endedBy, call.endedAt));
    }

    /** connected, failed, muted-changed or ended: the leg as it is now. */
    public void leg(String type, MonitorLegEntity leg) {
        publish(type, leg.tenantId, leg.callId, new MonitorLegEvent(leg.tenantId, leg.callId, leg.sessionId,
                leg.legId.toString(), leg.mode, LegReason.of(leg.reason), Instant.now()));
    }

    /**
     * monitor-leg-mode-refused (B29): the mode the leg keeps (null for a leg that is not connected) and
     * why ({@code LEG_NOT_CONNECTED}, {@code CALL_ENDED}, {@code PROVIDER_ERROR}). The leg itself is unchanged.
     */
    public void modeRefused(MonitorLegEntity leg, String reason) {
        publish(EventTypes.MONITOR_LEG_MODE_REFUSED, leg.tenantId, leg.callId, new MonitorLegEvent(leg.tenantId,
                leg.callId, leg.sessionId, leg.legId.toString(), leg.mode, LegReason.of(reason), Instant.now()));
    }

    /** A command about a leg the gateway does not know in this tenant: CALL_NOT_FOUND, no leg. */
    public void noSuchLeg(String tenantId, String callId, String sessionId, String reason) {
        publish(EventTypes.MONITOR_LEG_FAILED, tenantId, callId,
                new MonitorLegEvent(tenantId, callId, sessionId, null, null, LegReason.of(reason), Instant.now()));
    }

    private void publish(String type, String tenantId, String callId, Object data) {
        outbox.append(Topics.TELEPHONY_EVENTS, callId, CloudEvent.of(type, SOURCE, tenantId, callId, data));
    }
}
