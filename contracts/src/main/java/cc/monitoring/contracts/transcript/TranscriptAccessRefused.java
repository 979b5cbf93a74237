package cc.monitoring.contracts.transcript;

import java.time.Instant;

/**
 * A person was refused reading a transcript (no active session on it, or an interaction they may not know
 * of). monitoring-service keeps it in the audit trail (B41: refusals of reads are recorded, with where
 * the request came from). Published on {@code transcript-events}, key = the interaction id as asked.
 *
 * @param interactionId the id as the caller sent it, cut to 64 characters
 * @param problemType   the refusal's problem type, e.g. {@code transcript-not-permitted}
 * @param clientAddress the client's address as the web gateway forwarded it (else the TCP peer)
 */
public record TranscriptAccessRefused(String tenantId, String interactionId, String userId, String problemType,
                                      String clientAddress, String userAgent, String requestId, Instant at) {
}
