package cc.monitoring.contracts.interaction;

import java.time.Instant;

/** @param endedBy who ended it: AGENT, CUSTOMER or SYSTEM */
public record InteractionEnded(String tenantId, String interactionId, Channel channel, String endedBy, Instant endedAt) {
}
