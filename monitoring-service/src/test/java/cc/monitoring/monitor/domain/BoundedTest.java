package cc.monitoring.monitor.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B41: no input, however long or odd, makes an audit value overflow its column. */
class BoundedTest {

    @Test
    void B41_textThatFitsStaysAsItIs() {
        assertEquals("sam", Bounded.text("sam", 64));
        assertEquals("x".repeat(64), Bounded.text("x".repeat(64), 64));
        assertNull(Bounded.text(null, 64));
    }

    @Test
    void B41_longTextIsCutWithAMarkerSayingHowMuch() {
        String cut = Bounded.text("a".repeat(10_000), 64);
        assertTrue(cut.length() <= 64 && cut.length() >= 60, cut);
        assertTrue(cut.endsWith("…[+" + (10_000 - cut.indexOf('…')) + "]"), cut);
        for (int max = 1; max < 20; max++) {
            assertTrue(Bounded.text("b".repeat(50), max).length() <= max, "max " + max);
        }
    }

    @Test
    void B41_controlCharactersAndHalfCharactersNeverReachTheDatabase() {
        assertEquals("a?b?c", Bounded.text("a\u0000b\nc", 64));
        String emoji = "\uD83D\uDE00".repeat(100);
        String cut = Bounded.text(emoji, 21);
        assertTrue(cut.length() <= 21);
        assertTrue(!Character.isHighSurrogate(cut.charAt(cut.indexOf('…') - 1)), cut);
    }

    @Test
    void Bounds_idsAndNamesAreRefusedBeyondTheirLength() {
        assertEquals("i-1", Ids.id("  i-1 ", "interactionId"));
        assertEquals("x".repeat(64), Ids.id("x".repeat(64), "interactionId"));
        assertEquals("invalid-request", assertThrows(InvalidRequestException.class,
                () -> Ids.id("x".repeat(65), "interactionId")).type());
        assertThrows(InvalidRequestException.class, () -> Ids.id(" ", "interactionId"));
        assertThrows(InvalidRequestException.class, () -> Ids.id("a\u0000b", "interactionId"));
        assertNull(Ids.optional("", Ids.MAX_NAME, "extension"));
        assertThrows(InvalidRequestException.class, () -> Ids.optional("e".repeat(201), Ids.MAX_NAME, "extension"));
    }
}
