package cc.monitoring.kit.live;

import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands changes to the in-JVM subscribers of each channel. The caller (the listener's thread) only
 * enqueues: each subscriber has its own bounded queue, drained by one delivery thread at a time, so a slow
 * or failing subscriber delays nobody else. A queue that overflows is replaced by one resync. A batch
 * subscriber ({@link #subscribeBatches}) receives everything queued for it at once: the changes of one
 * listener wake-up, and whatever arrived while it was busy with the previous batch.
 */
final class LiveFanOut {

    private static final Logger LOG = Logger.getLogger(LiveFanOut.class);

    private final Map<String, Set<Subscriber>> byChannel = new ConcurrentHashMap<>();
    private final Executor deliveries;
    private final int queueCapacity;

    LiveFanOut(Executor deliveries, int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("a subscriber queue holds at least one change");
        }
        this.deliveries = deliveries;
        this.queueCapacity = queueCapacity;
    }

    LiveSubscription subscribe(String channel, Consumer<LiveChange> consumer) {
        return add(new Subscriber(channel, consumer, null, queueCapacity));
    }

    /** {@code consumer} receives the queued changes as one list (up to {@code capacity} of them, else one resync). */
    LiveSubscription subscribeBatches(String channel, int capacity, Consumer<List<LiveChange>> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a subscriber queue holds at least one change");
        }
        return add(new Subscriber(channel, null, consumer, capacity));
    }

    private LiveSubscription add(Subscriber subscriber) {
        String channel = subscriber.channel;
        byChannel.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> {
            subscriber.closed = true;
            byChannel.computeIfPresent(channel, (c, subscribers) -> {
                subscribers.remove(subscriber);
                return subscribers.isEmpty() ? null : subscribers;
            });
        };
    }

    void publish(LiveChange change) {
        publish(List.of(change));
    }

    /** The changes of one listener wake-up: each subscriber is handed them together. */
    void publish(List<LiveChange> changes) {
        if (changes.size() == 1) {
            LiveChange change = changes.get(0);
            byChannel.getOrDefault(change.channel(), Set.of()).forEach(subscriber -> subscriber.offer(changes));
            return;
        }
        Map<String, List<LiveChange>> perChannel = new java.util.LinkedHashMap<>();
        changes.forEach(c -> perChannel.computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(c));
        perChannel.forEach((channel, some) ->
                byChannel.getOrDefault(channel, Set.of()).forEach(subscriber -> subscriber.offer(some)));
    }

    /** Every subscriber of every channel may have missed changes. */
    void resyncAll() {
        byChannel.forEach((channel, subscribers) -> subscribers.forEach(s -> s.offer(List.of(LiveChange.resync(channel)))));
    }

    int subscribers() {
        return byChannel.values().stream().mapToInt(Set::size).sum();
    }

    private final class Subscriber {
        private final String channel;
        private final Consumer<LiveChange> consumer;
        private final Consumer<List<LiveChange>> batches;
        private final int capacity;
        private final Queue<LiveChange> queue = new ArrayDeque<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean closed;

        Subscriber(String channel, Consumer<LiveChange> consumer, Consumer<List<LiveChange>> batches, int capacity) {
            this.channel = channel;
            this.consumer = consumer;
            this.batches = batches;
            this.capacity = capacity;
        }

        void offer(List<LiveChange> changes) {
            if (closed) {
                return;
            }
            synchronized (queue) {
                for (LiveChange change : changes) {
                    if (queue.size() >= capacity) {
                        queue.clear();
                        queue.add(LiveChange.resync(channel));
                    } else if (!change.isResync() || !queue.contains(change)) {
                        queue.add(change);
                    }
                }
            }
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                try {
                    deliveries.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    scheduled.set(false);
                }
            }
        }

        private void drain() {
            try {
                if (batches != null) {
                    for (List<LiveChange> next = pollAll(); !next.isEmpty() && !closed; next = pollAll()) {
                        try {
                            batches.accept(next);
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "a live subscriber of %s failed on %d changes", channel, next.size());
                        }
                    }
                    return;
                }
                for (LiveChange next = poll(); next != null && !closed; next = poll()) {
                    try {
                        consumer.accept(next);
                    } catch (RuntimeException e) {
                        LOG.debugf(e, "a live subscriber of %s failed on a change", channel);
                    }
                }
            } finally {
                scheduled.set(false);
                boolean more;
                synchronized (queue) {
                    more = !queue.isEmpty();
                }
                if (more && !closed) {
                    schedule();
                }
            }
        }

        private List<LiveChange> pollAll() {
            synchronized (queue) {
                List<LiveChange> all = new ArrayList<>(queue);
                queue.clear();
                return all;
            }
        }

        private LiveChange poll() {
            synchronized (queue) {
                return queue.poll();
            }
        }
    }
}
