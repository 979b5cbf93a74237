package cc.monitoring.kit.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivePayloadTest {

    @Test
    void B51_aKeyAndItsDetailTravelAndComeBackApart() {
        assertEquals(new LiveChange("c", "table|t1", "i-42"), LivePayload.decode("c", LivePayload.encode("table|t1", "i-42")));
        assertEquals(new LiveChange("c", "t:i-42", null), LivePayload.decode("c", LivePayload.encode("t:i-42", null)));
    }

    @Test
    void B51_payloadsStayUnderPostgresLimit_aTooLongDetailIsDropped_aTooLongKeyBecomesAResync() {
        String longDetail = "é".repeat(5000); // 10,000 bytes
        assertEquals("key", LivePayload.encode("key", longDetail));
        String longKey = "k".repeat(LivePayload.MAX_BYTES + 1);
        String payload = LivePayload.encode(longKey, null);
        assertEquals("", payload);
        assertTrue(LivePayload.decode("c", payload).isResync());
        assertEquals(LivePayload.MAX_BYTES, LivePayload.encode("k".repeat(LivePayload.MAX_BYTES), null).length());
    }

    @Test
    void aKeyWithATabOrNoKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LivePayload.encode("a\tb", null));
        assertThrows(IllegalArgumentException.class, () -> LivePayload.encode("", null));
    }

    @Test
    void channelsArePlainLowerCaseIdentifiers() {
        assertEquals("monitoring_live", LivePayload.requireChannel("monitoring_live"));
        assertThrows(IllegalArgumentException.class, () -> LivePayload.requireChannel("live; drop table x"));
        assertThrows(IllegalArgumentException.class, () -> LivePayload.requireChannel("Live"));
        assertThrows(IllegalArgumentException.class, () -> LivePayload.requireChannel(null));
    }
}
