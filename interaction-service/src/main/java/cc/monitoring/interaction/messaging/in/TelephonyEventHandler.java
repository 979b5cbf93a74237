package cc.monitoring.interaction.messaging.in;

import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.interaction.domain.FlowId;
import cc.monitoring.interaction.service.InteractionService;
import cc.monitoring.kit.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies the telephony gateway's call events to voice interactions. Monitor-leg events are
 * monitoring-service's business and are ignored here, like any type this service does not know.
 */
@ApplicationScoped
public class TelephonyEventHandler implements EventHandler {

    private final InteractionService interactions;

    public TelephonyEventHandler(InteractionService interactions) {
        this.interactions = interactions;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventTypes.CALL_STARTED.equals(event.type())) {
            CallStarted call = event.dataAs(CallStarted.class);
            EventChecks.requireSameTenant(event, call.tenantId());
            EventChecks.require(call.callId(), "callId");
            EventChecks.require(call.flowId(), "flowId", FlowId::isValid);
            interactions.callStarted(call);
        } else if (EventTypes.CALL_ENDED.equals(event.type())) {
            CallEnded call = event.dataAs(CallEnded.class);
            EventChecks.requireSameTenant(event, call.tenantId());
            EventChecks.require(call.callId(), "callId");
            interactions.callEnded(call);
        }
    }
}
