package cc.monitoring.transcript.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.live.LiveChange;
import cc.monitoring.kit.live.LiveChannels;
import cc.monitoring.kit.live.LiveSubscription;
import cc.monitoring.transcript.config.TranscriptConfig;
import cc.monitoring.transcript.domain.ReadPositionThrottle;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open transcript streams of this instance (B51). A stream first sends what is stored after its
 * cursor, then whatever a wake-up finds: wake-ups come from the kit's live channel ({@link TranscriptChanges}:
 * any instance's consumer stored a message, the interaction ended, someone's access changed; after the
 * listener reconnected, every stream looks again) and, as a safety net, from a periodic recheck. Each
 * stream looks in the database itself, so a lost or repeated wake-up never loses or repeats a message.
 */
@ApplicationScoped
public class TranscriptStreams {

    private final TranscriptService transcripts;
    private final ReadPositions positions;
    private final TranscriptConfig config;
    private final LiveChannels live;
    private final TranscriptMetrics metrics;
    private final Map<String, Set<TranscriptStream>> byInteraction = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService timer;
    private LiveSubscription changes;

    public TranscriptStreams(TranscriptService transcripts, ReadPositions positions, TranscriptConfig config,
                             LiveChannels live, TranscriptMetrics metrics) {
        this.transcripts = transcripts;
        this.positions = positions;
        this.config = config;
        this.live = live;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent ignored) {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.stream().workers(), r -> daemon(r, "transcript-stream-" + count.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "transcript-stream-timer"));
        long recheck = config.stream().recheckInterval().toMillis();
        timer.scheduleWithFixedDelay(this::wakeAll, recheck, recheck, TimeUnit.MILLISECONDS);
        changes = live.subscribe(config.stream().notifyChannel(), this::changed);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (changes != null) {
            changes.close();
        }
        byInteraction.values().forEach(streams -> streams.forEach(TranscriptStream::complete));
        if (timer != null) {
            timer.shutdownNow();
            workers.shutdown();
        }
    }

    /**
     * Opens a stream after checking that the caller may read (refusals happen here, before anything is
     * sent, so they are ordinary problem responses).
     */
    public Multi<StreamItem> open(Caller caller, String interactionId, long after) {
        transcripts.readable(caller.tenantId(), caller.userId(), interactionId);
        long known = positions.of(caller.tenantId(), caller.userId(), interactionId).position();
        ReadPositionThrottle throttle = new ReadPositionThrottle(config.stream().positionInterval(), known);
        return Multi.createFrom().<StreamItem>emitter(emitter -> {
            TranscriptStream stream = new TranscriptStream(caller.tenantId(), caller.userId(), interactionId, after,
                    throttle, emitter, transcripts, positions, workers, timer, metrics);
            byInteraction.computeIfAbsent(interactionId, id -> ConcurrentHashMap.newKeySet()).add(stream);
            emitter.onTermination(() -> {
                remove(stream);
                stream.closed();
            });
            stream.wake();
        }, BackPressureStrategy.BUFFER);
    }

    /** What {@link TranscriptChanges} announced, on any instance. */
    private void changed(LiveChange change) {
        String key = change.key();
        if (change.isResync()) {
            wakeAll();
        } else if (key.startsWith(TranscriptChanges.TRANSCRIPT)) {
            transcriptChanged(key.substring(TranscriptChanges.TRANSCRIPT.length()));
        } else if (key.startsWith(TranscriptChanges.ACCESS)) {
            String viewer = key.substring(TranscriptChanges.ACCESS.length());
            int slash = viewer.indexOf('/');
            if (slash > 0) {
                accessChanged(viewer.substring(0, slash), viewer.substring(slash + 1));
            }
        }
    }

    /** A message was stored or the interaction ended. */
    public void transcriptChanged(String interactionId) {
        byInteraction.getOrDefault(interactionId, Set.of()).forEach(TranscriptStream::wake);
    }

    /** What {@code userId} of {@code tenantId} may read changed. */
    public void accessChanged(String tenantId, String userId) {
        byInteraction.values().forEach(streams -> streams.stream()
                .filter(s -> s.isViewer(tenantId, userId))
                .forEach(TranscriptStream::wake));
    }

    /** Notifications may have been missed (the listening connection was lost, the periodic recheck): every stream looks again. */
    public void wakeAll() {
        byInteraction.values().forEach(streams -> streams.forEach(TranscriptStream::wake));
    }

    private void remove(TranscriptStream stream) {
        byInteraction.computeIfPresent(stream.interactionId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
