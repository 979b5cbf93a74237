package cc.monitoring.contracts.interaction;

import java.time.Instant;

/** Payload of participant-joined and participant-left. */
public record ParticipantChanged(
        String tenantId,
        String interactionId,
        String participantId,
        ParticipantRole role,
        String displayName,
        Instant at) {
}
