package cc.monitoring.monitor.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventChecks;

import java.util.function.Function;

/** Reads an event's payload for the handlers of this package. */
final class Payloads {

    private Payloads() {
    }

    /** The payload, refused as poison when it names another tenant than its envelope (B06). */
    static <T> T checked(CloudEvent event, Class<T> type, Function<T, String> tenantOf) {
        T data = event.dataAs(type);
        EventChecks.requireSameTenant(event, tenantOf.apply(data));
        return data;
    }
}
