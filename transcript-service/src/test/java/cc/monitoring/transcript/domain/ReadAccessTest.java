package cc.monitoring.transcript.domain;

import cc.monitoring.contracts.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: who may read a transcript is plain Java. */
class ReadAccessTest {

    @Test
    void B30_aMonitorWithAnActiveSessionMayRead() {
        assertTrue(new ReadAccess("acme", "acme", true).mayRead());
        assertDoesNotThrow(() -> new ReadAccess("acme", "acme", true).require("i-1"));
    }

    @Test
    void B30_withoutASessionOrOnceItEndedReadingIsForbidden() {
        TranscriptNotPermittedException refused = assertThrows(TranscriptNotPermittedException.class,
                () -> new ReadAccess("acme", "acme", false).require("i-1"));
        assertEquals("transcript-not-permitted", refused.type());
        assertEquals(403, refused.kind().status);
    }

    @Test
    void B06_anotherTenantsTranscriptIsNotFoundEvenWithASessionEventNamingIt() {
        for (ReadAccess access : List.of(new ReadAccess("acme", "globex", false),
                new ReadAccess("acme", "globex", true))) {
            assertFalse(access.visible());
            TranscriptNotFoundException refused = assertThrows(TranscriptNotFoundException.class, () -> access.require("i-1"));
            assertEquals("transcript-not-found", refused.type());
        }
    }

    @Test
    void anUnknownInteractionIsNotFoundUnlessTheViewerAlreadyMonitorsIt() {
        assertThrows(TranscriptNotFoundException.class, () -> new ReadAccess("acme", null, false).require("i-1"));
        assertDoesNotThrow(() -> new ReadAccess("acme", null, true).require("i-1"),
                "monitored before its first message: an empty transcript");
    }

    @Test
    void sessionStatesFromMonitoringEvents() {
        assertEquals(SessionState.ACTIVE, SessionState.after(EventTypes.MONITOR_REQUESTED, "ACTIVE"), "digital: active at once");
        assertEquals(SessionState.DIALING, SessionState.after(EventTypes.MONITOR_REQUESTED, "DIALING"));
        assertEquals(SessionState.ACTIVE, SessionState.after(EventTypes.MONITOR_JOINED, "ACTIVE"));
        assertEquals(SessionState.ENDED, SessionState.after(EventTypes.MONITOR_ENDED, "ACTIVE"), "the type decides the end");
        assertTrue(SessionState.ACTIVE.grantsReading());
        assertFalse(SessionState.DIALING.grantsReading());
        assertFalse(SessionState.ENDED.grantsReading());
        assertThrows(IllegalArgumentException.class, () -> SessionState.after(EventTypes.MONITOR_JOINED, "LISTENING"));
        assertThrows(IllegalArgumentException.class, () -> SessionState.after(EventTypes.MONITOR_JOINED, null));
        assertTrue(SessionState.isSessionEvent(EventTypes.MONITOR_BARGED));
        assertFalse(SessionState.isSessionEvent(EventTypes.TRANSCRIPT_READ));
    }

    @Test
    void interactionIdsAreShortAndPlain() {
        assertTrue(InteractionId.isValid("3f2b1c9e-8d7a-4c1e-9b2a-0e6f5d4c3b2a"));
        for (String bad : List.of("", "a b", "../x", "x".repeat(65), "é", "-x")) {
            assertFalse(InteractionId.isValid(bad), bad);
        }
        assertFalse(InteractionId.isValid(null));
    }

    @Test
    void B34_aReviewerReadsAStoredTranscriptOfTheirTenantOnly() {
        assertTrue(new ReadAccess("t1", "t1", false, true).mayRead());
        assertFalse(new ReadAccess("t1", "t1", false, false).mayRead());
        assertFalse(new ReadAccess("t1", null, false, true).visible(), "a review needs a stored transcript");
        assertFalse(new ReadAccess("t1", "t2", false, true).visible(), "another tenant's: not found");
        assertThrows(TranscriptNotFoundException.class, () -> new ReadAccess("t1", "t2", false, true).require("i"));
    }
}
