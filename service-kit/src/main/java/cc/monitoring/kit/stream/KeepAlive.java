package cc.monitoring.kit.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A stream that also sends {@code beat} every {@code every} (an SSE comment, say), so that proxies and the
 * web gateway, which close streams that stay silent too long, keep it open. Ends when {@code items} ends;
 * at most {@code buffer} items wait for a slow client, beyond that the stream fails (the client reconnects).
 */
public final class KeepAlive {

    private KeepAlive() {
    }

    public static <T> Multi<T> every(Duration every, Multi<T> items, Supplier<T> beat, int buffer) {
        Multi<T> merged = Multi.createFrom().emitter(emitter -> {
            Cancellable ticks = Multi.createFrom().ticks().startingAfter(every).every(every)
                    .subscribe().with(tick -> emitter.emit(beat.get()), failure -> { });
            Cancellable upstream = items.subscribe().with(emitter::emit,
                    failure -> {
                        ticks.cancel();
                        emitter.fail(failure);
                    },
                    () -> {
                        ticks.cancel();
                        emitter.complete();
                    });
            emitter.onTermination(() -> {
                ticks.cancel();
                upstream.cancel();
            });
        });
        return merged.onOverflow().buffer(buffer);
    }
}
