package cc.monitoring.kit.live;

import cc.monitoring.kit.live.PendingNotifications.Notification;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingNotificationsTest {

    @Test
    void B51_aTransactionNotifiesOncePerChannelAndKey_inTheOrderFirstNamed() {
        PendingNotifications pending = new PendingNotifications();
        assertTrue(pending.isEmpty());
        pending.add("live", "table|t1", "i-1");
        pending.add("live", "session|t1|sam|s-1", null);
        pending.add("live", "table|t1", "i-1");
        pending.add("other", "table|t1", "i-1");
        assertEquals(List.of(
                new Notification("live", "table|t1\ti-1"),
                new Notification("live", "session|t1|sam|s-1"),
                new Notification("other", "table|t1\ti-1")), pending.notifications());
    }

    @Test
    void B51_theDetailStaysOnlyWhenEveryMentionNamedTheSameOne() {
        PendingNotifications several = new PendingNotifications();
        several.add("live", "table|t1", "i-1");
        several.add("live", "table|t1", "i-2");
        several.add("live", "table|t1", "i-1");
        assertEquals(List.of(new Notification("live", "table|t1")), several.notifications());

        PendingNotifications unknown = new PendingNotifications();
        unknown.add("live", "table|t1", null);
        unknown.add("live", "table|t1", "i-1");
        assertEquals(List.of(new Notification("live", "table|t1")), unknown.notifications());

        PendingNotifications unknownLater = new PendingNotifications();
        unknownLater.add("live", "table|t1", "i-1");
        unknownLater.add("live", "table|t1", null);
        assertEquals(List.of(new Notification("live", "table|t1")), unknownLater.notifications());
    }
}
