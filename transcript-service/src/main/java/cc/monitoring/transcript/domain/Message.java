package cc.monitoring.transcript.domain;

import cc.monitoring.contracts.interaction.ParticipantRole;

import java.time.Instant;

/** One message of a transcript; {@code sequence} counts from 1 per interaction and orders the transcript. */
public record Message(long sequence, String messageId, ParticipantRole authorRole, String authorId, String authorName,
                      String text, Instant postedAt) {
}
