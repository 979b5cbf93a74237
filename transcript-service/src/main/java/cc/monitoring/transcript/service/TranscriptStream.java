package cc.monitoring.transcript.service;

import cc.monitoring.transcript.domain.Message;
import cc.monitoring.transcript.domain.ReadPositionThrottle;
import cc.monitoring.transcript.domain.TranscriptPage;
import io.smallrye.mutiny.subscription.MultiEmitter;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One viewer's open stream of one transcript. Wake-ups are coalesced and drained by one worker at a
 * time, so messages go out once each, in order of sequence.
 */
final class TranscriptStream {

    private static final Logger LOG = Logger.getLogger(TranscriptStream.class);
    private static final int PAGE = 200;

    private final String tenantId;
    private final String userId;
    private final String interactionId;
    private final ReadPositionThrottle throttle;
    private final MultiEmitter<? super StreamItem> emitter;
    private final TranscriptService transcripts;
    private final ReadPositions positions;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final TranscriptMetrics metrics;
    private final Instant openedAt = Instant.now();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();
    private long sent;

    TranscriptStream(String tenantId, String userId, String interactionId, long after, ReadPositionThrottle throttle,
                     MultiEmitter<? super StreamItem> emitter, TranscriptService transcripts, ReadPositions positions,
                     Executor workers, ScheduledExecutorService timer, TranscriptMetrics metrics) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.interactionId = interactionId;
        this.sent = after;
        this.throttle = throttle;
        this.emitter = emitter;
        this.transcripts = transcripts;
        this.positions = positions;
        this.workers = workers;
        this.timer = timer;
        this.metrics = metrics;
    }

    String interactionId() {
        return interactionId;
    }

    boolean isViewer(String tenant, String user) {
        return tenantId.equals(tenant) && userId.equals(user);
    }

    /** Something may have changed: look soon (coalesced with a look already under way). */
    void wake() {
        if (done.get()) {
            return;
        }
        pending.set(true);
        schedule();
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            try {
                workers.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (pending.getAndSet(false) && !done.get()) {
                look();
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "transcript stream of %s on %s failed; closing it", userId, interactionId);
            emitter.fail(e);
        } finally {
            running.set(false);
            if (pending.get() && !done.get()) {
                schedule();
            }
        }
    }

    private void look() {
        while (!done.get()) {
            Optional<TranscriptPage> next = transcripts.next(tenantId, userId, interactionId, sent, PAGE);
            if (next.isEmpty()) {
                finish(new StreamItem.Closed(interactionId, "not-permitted"));
                return;
            }
            TranscriptPage page = next.get();
            for (Message message : page.messages()) {
                metrics.sent(message, openedAt, Instant.now());
                emitter.emit(new StreamItem.Posted(interactionId, message));
                sent = message.sequence();
                announce(throttle.delivered(sent, Instant.now()));
            }
            if (page.isLast(PAGE)) {
                if (page.ended()) {
                    finish(new StreamItem.Ended(interactionId, sent));
                    return;
                }
                break;
            }
        }
        announce(throttle.due(Instant.now()));
        Instant due = throttle.nextDue();
        if (due != null) {
            long wait = Math.max(1, Duration.between(Instant.now(), due).toMillis());
            timer.schedule(this::wake, wait, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(StreamItem last) {
        if (done.compareAndSet(false, true)) {
            announce(throttle.flush(Instant.now()));
            emitter.emit(last);
            emitter.complete();
        }
    }

    /** Server shutting down. */
    void complete() {
        if (done.compareAndSet(false, true)) {
            emitter.complete();
        }
    }

    /** The client went away or the stream finished: the last held-back position is announced. */
    void closed() {
        done.set(true);
        try {
            workers.execute(() -> announce(throttle.flush(Instant.now())));
        } catch (RejectedExecutionException shuttingDown) {
            // the position stays where it was last announced
        }
    }

    private void announce(OptionalLong position) {
        if (position.isPresent()) {
            positions.delivered(tenantId, userId, interactionId, position.getAsLong());
        }
    }
}
