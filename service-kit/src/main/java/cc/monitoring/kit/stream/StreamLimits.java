package cc.monitoring.kit.stream;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the live streams of this instance: at most {@code perUser} at once for one user of one tenant,
 * at most {@code perInstance} for everyone. {@link #acquire} hands out a {@link StreamPermit} or refuses
 * with {@link TooManyStreamsException} (429 {@code too-many-streams}); the stream gives the permit back
 * when it ends, whichever way.
 */
@ApplicationScoped
public class StreamLimits {

    private record Holder(String tenantId, String userId) {
    }

    private final int perUser;
    private final int perInstance;
    private final long retryAfterSeconds;
    private final AtomicInteger total = new AtomicInteger();
    private final BroadcastProcessor<Object> shutdown = BroadcastProcessor.create();
    private volatile boolean shuttingDown;
    private final Map<Holder, Integer> byUser = new ConcurrentHashMap<>();

    @Inject
    public StreamLimits(StreamsConfig config) {
        this(config.perUser(), config.perInstance(), Math.max(1, config.retryAfter().toSeconds()));
    }

    public StreamLimits(int perUser, int perInstance, long retryAfterSeconds) {
        if (perUser < 1 || perInstance < 1) {
            throw new IllegalArgumentException("stream limits must be at least 1");
        }
        this.perUser = perUser;
        this.perInstance = perInstance;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public StreamPermit acquire(String tenantId, String userId) {
        if (total.incrementAndGet() > perInstance) {
            total.decrementAndGet();
            throw new TooManyStreamsException("This service has as many live streams open as it allows ("
                    + perInstance + "); try again later", retryAfterSeconds);
        }
        Holder holder = new Holder(tenantId, userId);
        boolean[] admitted = new boolean[1];
        byUser.compute(holder, (h, open) -> {
            int now = open == null ? 0 : open;
            admitted[0] = now < perUser;
            return admitted[0] ? now + 1 : open;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            throw new TooManyStreamsException("You have " + perUser
                    + " live streams open, as many as allowed; close one (another tab or window?) and try again",
                    retryAfterSeconds);
        }
        return new StreamPermit(() -> release(holder), shutdownSignal());
    }

    /** Emits once when {@link #endAll()} is called; at once for a stream that starts later. */
    private Multi<Object> shutdownSignal() {
        return Multi.createFrom().deferred(() -> shuttingDown
                ? Multi.createFrom().item(Boolean.TRUE)
                : shutdown);
    }

    /**
     * Completes every open stream of this instance: the first step of a graceful shutdown (Quarkus' pre-shutdown,
     * {@code quarkus.shutdown.delay-enabled}), so that the shutdown waits only for ordinary requests and the
     * clients reconnect to another instance at once.
     */
    public void endAll() {
        shuttingDown = true;
        shutdown.onNext(Boolean.TRUE);
    }

    void onShutdown(@Observes ShutdownDelayInitiatedEvent ignored) {
        endAll();
    }

    /** Streams open now, for everyone (a gauge for metrics and tests). */
    public int open() {
        return total.get();
    }

    /** Streams open now for one user. */
    public int open(String tenantId, String userId) {
        return byUser.getOrDefault(new Holder(tenantId, userId), 0);
    }

    private void release(Holder holder) {
        byUser.computeIfPresent(holder, (h, open) -> open <= 1 ? null : open - 1);
        total.decrementAndGet();
    }
}
