package cc.monitoring.kit.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveFanOutTest {

    private final ExecutorService deliveries = Executors.newFixedThreadPool(2);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        deliveries.shutdownNow();
    }

    @Test
    void B51_aSubscriberThatHangsDelaysNobodyElse_andCatchesUpWithAResyncWhenItFellTooFarBehind() {
        LiveFanOut fanOut = new LiveFanOut(deliveries, 3);
        List<LiveChange> slowGot = new CopyOnWriteArrayList<>();
        List<LiveChange> quickGot = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        fanOut.subscribe("live", change -> {
            busy.countDown();
            awaitRelease();
            slowGot.add(change);
        });
        fanOut.subscribe("live", quickGot::add);

        fanOut.publish(new LiveChange("live", "k", "1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> busy.getCount() == 0);
        for (int i = 2; i <= 10; i++) {
            fanOut.publish(new LiveChange("live", "k", String.valueOf(i)));
            int sent = i;
            await().atMost(Duration.ofSeconds(5)).until(() -> quickGot.size() == sent); // the other keeps up
        }
        assertTrue(slowGot.isEmpty());

        release.countDown();
        // the first change was already being handed over; the nine behind it overflowed the queue of 3
        await().atMost(Duration.ofSeconds(5)).until(() -> slowGot.size() == 4);
        assertEquals(List.of(new LiveChange("live", "k", "1"), LiveChange.resync("live"),
                new LiveChange("live", "k", "9"), new LiveChange("live", "k", "10")), slowGot);
    }

    @Test
    void B51_changesGoToTheSubscribersOfTheirChannelUntilTheyClose_aFailingSubscriberStopsNobody() {
        LiveFanOut fanOut = new LiveFanOut(deliveries, 10);
        List<LiveChange> got = new CopyOnWriteArrayList<>();
        List<LiveChange> otherChannel = new CopyOnWriteArrayList<>();
        fanOut.subscribe("live", change -> {
            throw new IllegalStateException("a broken subscriber");
        });
        LiveSubscription subscription = fanOut.subscribe("live", got::add);
        fanOut.subscribe("other", otherChannel::add);

        fanOut.publish(new LiveChange("live", "a", null));
        fanOut.publish(new LiveChange("live", "b", null));
        await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
        assertEquals(List.of(new LiveChange("live", "a", null), new LiveChange("live", "b", null)), got);

        subscription.close();
        subscription.close();
        fanOut.publish(new LiveChange("live", "c", null));
        fanOut.resyncAll();
        await().atMost(Duration.ofSeconds(5)).until(() -> otherChannel.size() == 1);
        assertEquals(LiveChange.resync("other"), otherChannel.get(0));
        assertEquals(2, got.size());
        assertEquals(2, fanOut.subscribers());
    }

    @Test
    void B51_aBatchSubscriberGetsTheChangesOfOneWakeUpTogether_andWhatArrivedWhileItWasBusy() {
        LiveFanOut fanOut = new LiveFanOut(deliveries, 3);
        List<List<LiveChange>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        fanOut.subscribeBatches("live", 100, batch -> {
            busy.countDown();
            awaitRelease();
            batches.add(batch);
        });
        LiveChange a = new LiveChange("live", "a", null);
        LiveChange b = new LiveChange("live", "b", null);
        fanOut.publish(List.of(a, b, new LiveChange("other", "x", null)));
        await().atMost(Duration.ofSeconds(5)).until(() -> busy.getCount() == 0);
        for (int i = 0; i < 5; i++) { // more than the per-change subscribers' queue of 3, less than this one's 100
            fanOut.publish(new LiveChange("live", "k", String.valueOf(i)));
        }
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 2);
        assertEquals(List.of(a, b), batches.get(0));
        assertEquals(5, batches.get(1).size());
        assertTrue(batches.get(1).stream().noneMatch(LiveChange::isResync));
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
