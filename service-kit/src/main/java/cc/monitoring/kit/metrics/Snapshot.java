package cc.monitoring.kit.metrics;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A value read from the database for gauges, cached: a scrape reads the last value and, when it is older than
 * {@code maxAge}, asks for a fresh one in the background. However many scrapes arrive, there is at most one
 * query under way and at most one per {@code maxAge}; a scrape never waits for the database (the first one
 * sees {@code initial}). Plain Java; the clock is {@link System#nanoTime()}.
 */
public final class Snapshot<T> {

    private final Supplier<T> query;
    private final long maxAgeNanos;
    private final Executor refresher;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile T value;
    private volatile long takenAt;
    private volatile boolean taken;

    public Snapshot(Supplier<T> query, Duration maxAge, Executor refresher, T initial) {
        this.query = query;
        this.maxAgeNanos = maxAge.toNanos();
        this.refresher = refresher;
        this.value = initial;
    }

    /** The last value read; starts reading a fresh one when it is stale. */
    public T get() {
        if ((!taken || System.nanoTime() - takenAt >= maxAgeNanos) && refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (RejectedExecutionException shuttingDown) {
                refreshing.set(false);
            }
        }
        return value;
    }

    private void refresh() {
        try {
            value = query.get();
            takenAt = System.nanoTime();
            taken = true;
        } catch (RuntimeException e) {
            takenAt = System.nanoTime(); // the database is away: try again after maxAge, keep the last value
            taken = true;
        } finally {
            refreshing.set(false);
        }
    }
}
