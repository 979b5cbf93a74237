package cc.monitoring.kit.stream;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open stream's place under the limits of {@link StreamLimits}. Closing it gives the place back;
 * closing twice is harmless, so every way a stream can end may close it.
 */
public final class StreamPermit implements AutoCloseable {

    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Runnable release;
    private final Multi<Object> shutdown;

    /** {@code shutdown} emits once when the instance shuts down: the stream then completes (graceful shutdown). */
    StreamPermit(Runnable release, Multi<Object> shutdown) {
        this.release = release;
        this.shutdown = shutdown;
    }

    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            release.run();
        }
    }

    /**
     * The stream {@code items}, giving this permit back however it ends: completed, failed, cancelled
     * because the client went away, or completed by the server because this instance shuts down (so that a
     * graceful shutdown does not wait for the stream; the client reconnects to another instance).
     */
    public <T> Multi<T> heldBy(Multi<T> items) {
        // empty = the end: the items completed, or the instance shuts down (the merge alone would wait for both)
        Multi<Optional<T>> untilShutdown = Multi.createBy().merging().streams(
                items.map(Optional::of).onCompletion().continueWith(Optional.<T>empty()),
                shutdown.map(signal -> Optional.<T>empty()));
        return untilShutdown.select().first(Optional::isPresent)
                .map(Optional::get)
                .onTermination().invoke(this::close);
    }

    /**
     * Gives this permit back when {@code sink} closes: the client went away (the server notices the
     * closed connection), the server closed it, or a send failed and closed it. Also runs {@code onClose}.
     */
    public void heldBy(SseEventSink sink, Sse sse, Runnable onClose) {
        SseBroadcaster closeWatch = sse.newBroadcaster();
        closeWatch.onClose(closed -> {
            close();
            onClose.run();
        });
        closeWatch.register(sink);
        if (sink.isClosed()) {
            close();
            onClose.run();
        }
    }
}
