package cc.monitoring.contracts.monitoring;

import java.time.Instant;

/**
 * {@code userId} started the review of the ended, monitored digital interaction {@code interactionId} and may
 * read its transcript until {@code expiresAt} (B34); on {@code monitoring-events}, key = interaction id.
 * transcript-service lets the reviewer read from it; monitoring-service has audited the start (B41).
 */
public record TranscriptReviewGranted(String tenantId, String interactionId, String userId, String reviewId,
                                      Instant expiresAt, Instant at) {
}
