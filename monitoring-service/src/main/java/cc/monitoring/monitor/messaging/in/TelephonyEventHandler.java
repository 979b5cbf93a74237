package cc.monitoring.monitor.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.kit.messaging.EventHandler;
import cc.monitoring.monitor.service.SessionLifecycle;
import jakarta.enterprise.context.ApplicationScoped;

import static cc.monitoring.contracts.EventChecks.dataOf;

/** Events of the telephony gateway about monitor legs (B21, B26, B29); calls are followed through interaction-events. */
@ApplicationScoped
public class TelephonyEventHandler implements EventHandler {

    private final SessionLifecycle lifecycle;

    public TelephonyEventHandler(SessionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case EventTypes.MONITOR_LEG_CONNECTED -> lifecycle.legConnected(leg(event));
            case EventTypes.MONITOR_LEG_FAILED -> lifecycle.legFailed(leg(event));
            case EventTypes.MONITOR_LEG_ENDED -> lifecycle.legEnded(leg(event));
            case EventTypes.MONITOR_LEG_MODE_CHANGED -> lifecycle.legModeChanged(leg(event));
            case EventTypes.MONITOR_LEG_MODE_REFUSED -> lifecycle.legModeRefused(leg(event));
            default -> { /* calls are followed through interaction-events */ }
        }
    }

    private static MonitorLegEvent leg(CloudEvent event) {
        return dataOf(event, MonitorLegEvent.class, MonitorLegEvent::tenantId);
    }
}
