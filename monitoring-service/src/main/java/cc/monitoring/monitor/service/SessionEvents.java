package cc.monitoring.monitor.service;

import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.domain.SessionAction;
import cc.monitoring.monitor.messaging.out.MonitoringEventsPublisher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the world that a session changed, in the transaction of the change: the monitoring event on
 * {@code monitoring-events} (B40) and the live views of its supervisor and of the table (B51).
 */
@ApplicationScoped
public class SessionEvents {

    private final MonitoringEventsPublisher events;
    private final LiveUpdates live;

    public SessionEvents(MonitoringEventsPublisher events, LiveUpdates live) {
        this.events = events;
        this.live = live;
    }

    /** The action is done: its event (from the {@link SessionAction} table) goes out. */
    public void done(SessionAction action, Session after, String detail) {
        published(action.eventType(), after, detail);
    }

    /** An event that is not an action of its own (e.g. monitor-mode-refused). */
    public void published(String eventType, Session after, String detail) {
        events.sessionEvent(eventType, after, detail);
        changed(after);
    }

    /** The session changed without an event (e.g. a mode was asked for): only the live views follow. */
    public void changed(Session after) {
        live.sessionChanged(after.tenantId(), after.supervisorId(), after.id(), after.interactionId());
    }
}
