package cc.monitoring.interaction.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.interaction.domain.SessionLiveness;
import cc.monitoring.interaction.service.LiveMonitors;
import cc.monitoring.kit.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the live-monitors read model (B35) from monitoring-service's session events. */
@ApplicationScoped
public class MonitoringEventHandler implements EventHandler {

    private final LiveMonitors monitors;

    public MonitoringEventHandler(LiveMonitors monitors) {
        this.monitors = monitors;
    }

    @Override
    public void handle(CloudEvent event) {
        if (SessionLiveness.after(event.type()) == SessionLiveness.UNCHANGED) {
            return;
        }
        MonitoringEvent session = event.dataAs(MonitoringEvent.class);
        EventChecks.requireSameTenant(event, session.tenantId());
        EventChecks.require(session.sessionId(), "sessionId");
        EventChecks.require(session.supervisorId(), "supervisorId");
        monitors.sessionChanged(event.type(), session, EventChecks.requireUuid(session.interactionId(), "interactionId"));
    }
}
