package cc.monitoring.contracts;

import cc.monitoring.contracts.EventJson.MalformedEventException;

/**
 * Checks a consumer makes before applying an event. A failed check makes the record poison: it goes
 * to the dead-letter topic instead of being retried.
 */
public final class EventChecks {

    private static final int MAX_ID = 200;

    private EventChecks() {
    }

    /** The envelope's tenant and the payload's must agree: an event never crosses tenants (B06). */
    public static void requireSameTenant(CloudEvent event, String dataTenant) {
        if (!event.tenantid().equals(dataTenant)) {
            throw new MalformedEventException("event " + event.id() + " is for tenant " + event.tenantid()
                    + " but its data names " + dataTenant);
        }
    }

    /** A present identifier of a sane length. */
    public static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("the event has no " + field);
        }
        if (value.length() > MAX_ID) {
            throw new MalformedEventException("the event's " + field + " is longer than " + MAX_ID + " characters");
        }
        return value;
    }
}
