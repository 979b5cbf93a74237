package cc.monitoring.kit.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

class KeepAliveTest {

    @Test
    void B51_aQuietStreamSendsKeepAlives() {
        AssertSubscriber<String> client = KeepAlive.every(Duration.ofMillis(10), Multi.createFrom().<String>nothing(),
                        () -> "keep-alive", 16)
                .subscribe().withSubscriber(AssertSubscriber.create(100));
        client.awaitItems(3);
        assertTrue(client.getItems().stream().allMatch("keep-alive"::equals));
        client.cancel();
    }

    @Test
    void B51_theStreamEndsWithItsItemsAndCancelsItsSource() {
        AssertSubscriber<String> ended = KeepAlive.every(Duration.ofSeconds(30), Multi.createFrom().items("a", "b"),
                        () -> "keep-alive", 16)
                .subscribe().withSubscriber(AssertSubscriber.create(100));
        ended.awaitCompletion().assertItems("a", "b");

        AtomicBoolean sourceCancelled = new AtomicBoolean();
        AssertSubscriber<String> client = KeepAlive.every(Duration.ofSeconds(30),
                        Multi.createFrom().<String>nothing().onCancellation().invoke(() -> sourceCancelled.set(true)),
                        () -> "keep-alive", 16)
                .subscribe().withSubscriber(AssertSubscriber.create(100));
        client.cancel();
        assertTrue(sourceCancelled.get());
    }

    @Test
    void Abuse_aClientThatDoesNotReadIsDroppedNotBufferedForever() {
        AssertSubscriber<Integer> slow = KeepAlive.every(Duration.ofSeconds(30), Multi.createFrom().range(0, 1000),
                        () -> -1, 16)
                .subscribe().withSubscriber(AssertSubscriber.create(0));
        slow.awaitFailure();
    }
}
