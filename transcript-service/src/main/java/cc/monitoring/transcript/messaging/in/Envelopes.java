package cc.monitoring.transcript.messaging.in;

import cc.monitoring.transcript.domain.InteractionId;

/**
 * transcript-service's own check of incoming events (the shared ones are in
 * {@link cc.monitoring.contracts.EventChecks}): an {@link IllegalArgumentException} sends the record to
 * the dead-letter topic instead of retrying it.
 */
final class Envelopes {

    private Envelopes() {
    }

    static void requireInteractionId(String interactionId) {
        if (!InteractionId.isValid(interactionId)) {
            throw new IllegalArgumentException("the event names no valid interaction id");
        }
    }
}
