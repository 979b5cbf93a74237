package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.ParticipantRole;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a digital conversation. {@code sequence} counts from 1 per interaction, without gaps,
 * in the order the messages were accepted: it is the order of the transcript.
 */
public record Message(UUID messageId, long sequence, ParticipantRole authorRole, String authorId, String authorName,
                      String text, Instant postedAt) {

    /** Characters (code points) a message may have. */
    public static final int MAX_TEXT = 4_000;

    public Message {
        Objects.requireNonNull(messageId, "messageId");
        if (sequence < 1) {
            throw new IllegalArgumentException("a message's sequence counts from 1");
        }
        Objects.requireNonNull(authorRole, "authorRole");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(postedAt, "postedAt");
        text = checkText(text);
    }

    /**
     * The text as it will be kept: not blank, at most {@value #MAX_TEXT} characters, no control characters
     * other than tab and line breaks (PostgreSQL cannot store NUL, and a transcript has no use for the rest).
     */
    public static String checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidMessageException("A message has text: \"text\" is missing or blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT) {
            throw new InvalidMessageException("A message has at most " + MAX_TEXT + " characters; this one has " + length);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidMessageException("A message's text has no control characters other than tab and line breaks");
        }
        return text;
    }
}
