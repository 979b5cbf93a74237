package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.EventTypes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Not a @QuarkusTest: which monitoring events make a monitor of a conversation (B35) is plain Java. */
class SessionLivenessTest {

    @Test
    void B35_aSessionIsLiveFromMonitorRequestedOrJoinedUntilMonitorEnded() {
        assertEquals(SessionLiveness.LIVE, SessionLiveness.after(EventTypes.MONITOR_REQUESTED));
        assertEquals(SessionLiveness.LIVE, SessionLiveness.after(EventTypes.MONITOR_JOINED));
        assertEquals(SessionLiveness.OVER, SessionLiveness.after(EventTypes.MONITOR_ENDED));
        for (String other : new String[] {EventTypes.MONITOR_BARGED, EventTypes.MONITOR_MUTED, EventTypes.MONITOR_COACHING,
                EventTypes.MONITOR_MODE_REFUSED, "something-new"}) {
            assertEquals(SessionLiveness.UNCHANGED, SessionLiveness.after(other), other);
        }
    }

    @Test
    void B35_anEndedSessionStaysEndedWhateverArrivesLater() {
        assertEquals(SessionLiveness.LIVE, SessionLiveness.LIVE.keptAfter(null));
        assertEquals(SessionLiveness.LIVE, SessionLiveness.LIVE.keptAfter(SessionLiveness.LIVE));
        assertEquals(SessionLiveness.OVER, SessionLiveness.OVER.keptAfter(SessionLiveness.LIVE));
        assertEquals(SessionLiveness.OVER, SessionLiveness.OVER.keptAfter(null), "an end seen first is kept");
        assertEquals(SessionLiveness.OVER, SessionLiveness.LIVE.keptAfter(SessionLiveness.OVER), "never revived");
        assertEquals(SessionLiveness.LIVE, SessionLiveness.UNCHANGED.keptAfter(SessionLiveness.LIVE));
        assertNull(SessionLiveness.UNCHANGED.keptAfter(null), "a mode change alone starts nothing");
    }
}
