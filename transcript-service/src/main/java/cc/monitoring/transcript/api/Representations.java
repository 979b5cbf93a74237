package cc.monitoring.transcript.api;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.transcript.domain.Message;
import cc.monitoring.transcript.domain.TranscriptPage;
import cc.monitoring.transcript.persistence.ReadPositionRepository.Position;

import java.time.Instant;
import java.util.List;

/** Response bodies of transcript-service, and their mapping from the domain. */
final class Representations {

    private Representations() {
    }

    record MessageBody(long sequence, String messageId, ParticipantRole authorRole, String authorId, String authorName,
                       String text, Instant postedAt) {
        static MessageBody of(Message m) {
            return new MessageBody(m.sequence(), m.messageId(), m.authorRole(), m.authorId(), m.authorName(), m.text(),
                    m.postedAt());
        }
    }

    /** {@code next} is the cursor for the next read: the last sequence returned, or the {@code after} asked with. */
    record TranscriptBody(String interactionId, Channel channel, boolean ended, List<MessageBody> messages, long next) {
        static TranscriptBody of(TranscriptPage page) {
            return new TranscriptBody(page.interactionId(), page.channel(), page.ended(),
                    page.messages().stream().map(MessageBody::of).toList(), page.next());
        }
    }

    /** {@code position} 0 and no {@code readAt}: never read. */
    record PositionBody(String interactionId, long position, Instant readAt) {
        static PositionBody of(String interactionId, Position position) {
            return new PositionBody(interactionId, position.position(), position.readAt());
        }
    }

    /** Data of the stream's {@code ended} event. */
    record EndedBody(String interactionId, boolean ended, long next) {
    }

    /** Data of the stream's {@code closed} event. */
    record ClosedBody(String interactionId, String reason) {
    }
}
