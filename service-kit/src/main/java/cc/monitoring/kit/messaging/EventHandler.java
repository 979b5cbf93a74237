package cc.monitoring.kit.messaging;

import cc.monitoring.contracts.CloudEvent;

/**
 * Applies one event to a service's state. Runs inside a transaction that also records the event's
 * id, so an event is applied at most once per consumer. Unknown types are ignored, not refused.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(CloudEvent event);
}
