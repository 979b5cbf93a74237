package cc.monitoring.transcript.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: the order of a transcript and the cursor are plain Java. */
class TranscriptOrderTest {

    private static final Transcript CHAT = new Transcript("i-1", "acme", Channel.CHAT, false, 3);

    @Test
    void B31_messagesComeInOrderOfSequenceAndTheCursorIsTheLastOne() {
        TranscriptPage page = TranscriptPage.of(CHAT, 0, List.of(message(3), message(1), message(2)));
        assertEquals(List.of(1L, 2L, 3L), page.messages().stream().map(Message::sequence).toList());
        assertEquals(3, page.next());
        assertEquals(Channel.CHAT, page.channel());
    }

    @Test
    void B31_afterReturnsOnlyNewerMessagesAndKeepsTheCursorWhenNothingIsNew() {
        TranscriptPage page = TranscriptPage.of(CHAT, 2, List.of(message(2), message(3)));
        assertEquals(List.of(3L), page.messages().stream().map(Message::sequence).toList());
        TranscriptPage nothing = TranscriptPage.of(CHAT, 3, List.of());
        assertTrue(nothing.messages().isEmpty());
        assertEquals(3, nothing.next());
    }

    @Test
    void B31_theCursorIsParsedStrictly() {
        assertEquals(new Cursor(0, 100), Cursor.parse(null, null, 100, 500));
        assertEquals(new Cursor(7, 500), Cursor.parse(" 7 ", "500", 100, 500));
        for (String[] bad : List.of(new String[]{"-1", null}, new String[]{"abc", null}, new String[]{null, "0"},
                new String[]{null, "100000"}, new String[]{"1.5", null}, new String[]{null, "ten"},
                new String[]{"99999999999999999999", null})) {
            InvalidQueryException refused = assertThrows(InvalidQueryException.class,
                    () -> Cursor.parse(bad[0], bad[1], 100, 500));
            assertEquals("invalid-query", refused.type());
        }
    }

    static Message message(long sequence) {
        return new Message(sequence, "m-" + sequence, ParticipantRole.CUSTOMER, "c", "Customer", "text " + sequence,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence));
    }
}
