package cc.monitoring.contracts.interaction;

import java.time.Instant;

/**
 * A message of a digital interaction. {@code sequence} counts from 1 per interaction and gives the
 * order of the transcript.
 */
public record MessagePosted(
        String tenantId,
        String interactionId,
        String messageId,
        long sequence,
        ParticipantRole authorRole,
        String authorId,
        String authorName,
        String text,
        Instant postedAt) {
}
