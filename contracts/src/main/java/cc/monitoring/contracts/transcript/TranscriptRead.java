package cc.monitoring.contracts.transcript;

import java.time.Instant;

/**
 * A user has now seen an interaction's transcript up to message {@code position} (its sequence).
 * The monitoring table derives "new details since you last looked" from it (B11).
 */
public record TranscriptRead(String tenantId, String interactionId, String userId, long position, Instant at) {
}
