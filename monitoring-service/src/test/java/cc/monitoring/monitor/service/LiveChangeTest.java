package cc.monitoring.monitor.service;

import cc.monitoring.kit.live.LiveChange;
import cc.monitoring.monitor.service.LiveUpdates.Change;
import cc.monitoring.monitor.service.LiveUpdates.Change.Kind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a console is told of a change on the monitoring channel (B51), and who may see it (B06). */
class LiveChangeTest {

    private static final String CHANNEL = LiveUpdates.CHANNEL;

    @Test
    void B51_aTableChangeNamesItsInteractionWhenTheTransactionChangedExactlyOne() {
        assertEquals(new Change(Kind.TABLE, "t1", null, null, "i-1"), Change.of(new LiveChange(CHANNEL, "table|t1", "i-1")));
        // several interactions, or none known: the console refetches the page
        assertEquals(new Change(Kind.TABLE, "t1", null, null, null), Change.of(new LiveChange(CHANNEL, "table|t1", null)));
    }

    @Test
    void B51_aSessionChangeAndAResyncAreToldAsThey_AreUnknownKeysAreIgnored() {
        assertEquals(new Change(Kind.SESSION, "t1", "sam", "s-1", null),
                Change.of(new LiveChange(CHANNEL, "session|t1|sam|s-1", null)));
        assertEquals(Kind.RESYNC, Change.of(LiveChange.resync(CHANNEL)).kind());
        assertNull(Change.of(new LiveChange(CHANNEL, "something|else|entirely", null)));
    }

    @Test
    void B06_B51_tableChangesReachTheirTenantOnly_sessionChangesTheirSupervisorOnly_resyncsEveryone() {
        Change table = new Change(Kind.TABLE, "t1", null, null, "i-1");
        assertTrue(table.visibleTo("t1", "sue"));
        assertFalse(table.visibleTo("t2", "sue"));
        Change session = new Change(Kind.SESSION, "t1", "sam", "s-1", null);
        assertTrue(session.visibleTo("t1", "sam"));
        assertFalse(session.visibleTo("t1", "sue"));
        assertFalse(session.visibleTo("t2", "sam"));
        assertTrue(new Change(Kind.RESYNC, null, null, null, null).visibleTo("t2", "gus"));
    }

    @Test
    void B51_eachChangedRowIsItsOwnNotification_soATransactionOfManyStillNamesEach_andAUsersChangeIsTheirsOnly() {
        assertEquals(new Change(Kind.TABLE, "t1", null, null, "i-1"), Change.of(new LiveChange(CHANNEL, "row|t1|i-1", null)));
        Change user = Change.of(new LiveChange(CHANNEL, "user|t1|sam", null));
        assertEquals(new Change(Kind.USER, "t1", "sam", null, null), user);
        assertTrue(user.visibleTo("t1", "sam"));
        assertFalse(user.visibleTo("t1", "sue"));
        assertFalse(user.visibleTo("t2", "sam"));
    }
}
