package cc.monitoring.kit.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain unit tests: the limits are counting, no Quarkus needed. */
class StreamLimitsTest {

    @Test
    void B51_Abuse_aUserHoldsAtMostPerUserStreams() {
        StreamLimits limits = new StreamLimits(3, 100, 10);
        List<StreamPermit> permits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            permits.add(limits.acquire("t1", "sam"));
        }
        TooManyStreamsException refused = assertThrows(TooManyStreamsException.class, () -> limits.acquire("t1", "sam"));
        assertEquals("too-many-streams", refused.type());
        assertEquals(429, refused.kind().status);
        assertEquals(10, refused.retryAfterSeconds());
        // others are not affected by sam's streams, not even the same subject in another tenant (B06)
        limits.acquire("t1", "sue").close();
        limits.acquire("t2", "sam").close();
        assertEquals(3, limits.open("t1", "sam"));
    }

    @Test
    void B51_Abuse_theInstanceHoldsAtMostPerInstanceStreams() {
        StreamLimits limits = new StreamLimits(10, 4, 10);
        for (int i = 0; i < 4; i++) {
            limits.acquire("t1", "user-" + i);
        }
        assertThrows(TooManyStreamsException.class, () -> limits.acquire("t1", "someone-else"));
        assertEquals(4, limits.open());
        assertEquals(0, limits.open("t1", "someone-else"));
    }

    @Test
    void B51_aClosedPermitGivesItsPlaceBackOnceOnly() {
        StreamLimits limits = new StreamLimits(1, 10, 10);
        StreamPermit permit = limits.acquire("t1", "sam");
        permit.close();
        permit.close();
        assertFalse(permit.isOpen());
        assertEquals(0, limits.open());
        StreamPermit again = limits.acquire("t1", "sam");
        assertTrue(again.isOpen());
        assertThrows(TooManyStreamsException.class, () -> limits.acquire("t1", "sam"));
        assertEquals(1, limits.open());
    }

    @Test
    void B51_aStreamGivesItsPermitBackWhenItCompletesFailsOrIsCancelled() {
        StreamLimits limits = new StreamLimits(5, 10, 10);

        limits.acquire("t1", "sam").heldBy(Multi.createFrom().items(1, 2))
                .subscribe().withSubscriber(AssertSubscriber.create(10)).awaitCompletion();
        assertEquals(0, limits.open());

        limits.acquire("t1", "sam").heldBy(Multi.createFrom().failure(new IllegalStateException("boom")))
                .subscribe().withSubscriber(AssertSubscriber.create(10)).awaitFailure();
        assertEquals(0, limits.open());

        AssertSubscriber<Object> client = limits.acquire("t1", "sam").heldBy(Multi.createFrom().nothing())
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        assertEquals(1, limits.open());
        client.cancel(); // the client went away
        assertEquals(0, limits.open("t1", "sam"));
        assertEquals(0, limits.open());
    }

    @Test
    void B51_onShutdownEveryOpenStreamCompletesCleanlyAndLaterOnesEndAtOnce() {
        StreamLimits limits = new StreamLimits(5, 10, 10);
        AssertSubscriber<Object> sam = limits.acquire("t1", "sam").heldBy(Multi.createFrom().items(1)
                        .onCompletion().switchTo(Multi.createFrom().nothing()))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<Object> sue = limits.acquire("t1", "sue").heldBy(Multi.createFrom().nothing())
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        sam.awaitItems(1);
        assertEquals(2, limits.open());

        limits.endAll(); // graceful shutdown begins

        sam.awaitCompletion().assertItems(1);
        sue.awaitCompletion();
        assertEquals(0, limits.open());
        limits.acquire("t1", "sam").heldBy(Multi.createFrom().nothing())
                .subscribe().withSubscriber(AssertSubscriber.create(10)).awaitCompletion();
        assertEquals(0, limits.open());
    }

    @Test
    void B51_Abuse_concurrentOpeningNeverExceedsTheCap() throws Exception {
        StreamLimits limits = new StreamLimits(5, 1000, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tries.add(pool.submit(() -> {
                go.await();
                try {
                    limits.acquire("t1", "sam");
                    return true;
                } catch (TooManyStreamsException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int admitted = 0;
        for (Future<Boolean> f : tries) {
            admitted += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(5, admitted);
        assertEquals(5, limits.open());
        assertEquals(5, limits.open("t1", "sam"));
    }
}
