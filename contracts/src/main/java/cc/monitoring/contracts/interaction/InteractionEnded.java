package cc.monitoring.contracts.interaction;

import java.time.Instant;

/** @param endedBy who ended it */
public record InteractionEnded(String tenantId, String interactionId, Channel channel, EndedBy endedBy, Instant endedAt) {
}
