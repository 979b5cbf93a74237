package cc.monitoring.transcript.messaging;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.transcript.domain.InteractionId;

/**
 * Checks of incoming events that make them poison when they fail: an {@link IllegalArgumentException}
 * sends the record to the dead-letter topic instead of retrying it.
 */
final class Envelopes {

    private static final int MAX_ID = 200;

    private Envelopes() {
    }

    /** The envelope's tenant and the payload's must agree: an event never crosses tenants (B06). */
    static void requireSameTenant(CloudEvent event, String dataTenant) {
        if (!event.tenantid().equals(dataTenant)) {
            throw new IllegalArgumentException("event " + event.id() + " is for tenant " + event.tenantid()
                    + " but its data names " + dataTenant);
        }
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the event has no " + field);
        }
        if (value.length() > MAX_ID) {
            throw new IllegalArgumentException("the event's " + field + " is longer than " + MAX_ID + " characters");
        }
    }

    static void requireInteractionId(String interactionId) {
        if (!InteractionId.isValid(interactionId)) {
            throw new IllegalArgumentException("the event names no valid interaction id");
        }
    }
}
