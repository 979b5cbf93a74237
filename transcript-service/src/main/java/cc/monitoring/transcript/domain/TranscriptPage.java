package cc.monitoring.transcript.domain;

import cc.monitoring.contracts.interaction.Channel;

import java.util.Comparator;
import java.util.List;

/**
 * One answer of the cursor read (B31): the messages after the cursor in order of sequence, and the
 * cursor to ask with next time (the last sequence returned, or the one asked with when nothing is new).
 */
public record TranscriptPage(String interactionId, Channel channel, boolean ended, List<Message> messages, long next) {

    public static TranscriptPage of(Transcript transcript, long after, List<Message> found) {
        List<Message> newer = found.stream()
                .filter(m -> m.sequence() > after)
                .sorted(Comparator.comparingLong(Message::sequence))
                .toList();
        long next = newer.isEmpty() ? after : newer.get(newer.size() - 1).sequence();
        return new TranscriptPage(transcript.interactionId(), transcript.channel(), transcript.ended(), newer, next);
    }

    /** Whether this page reaches the end of what was stored. */
    public boolean isLast(int limit) {
        return messages.size() < limit;
    }
}
