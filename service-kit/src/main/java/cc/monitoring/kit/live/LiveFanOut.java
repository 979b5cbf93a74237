package cc.monitoring.kit.live;

import org.jboss.logging.Logger;

import java.util.ArrayDeque;
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
 * or failing subscriber delays nobody else. A queue that overflows is replaced by one resync.
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
        Subscriber subscriber = new Subscriber(channel, consumer);
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
        byChannel.getOrDefault(change.channel(), Set.of()).forEach(subscriber -> subscriber.offer(change));
    }

    /** Every subscriber of every channel may have missed changes. */
    void resyncAll() {
        byChannel.forEach((channel, subscribers) -> subscribers.forEach(s -> s.offer(LiveChange.resync(channel))));
    }

    int subscribers() {
        return byChannel.values().stream().mapToInt(Set::size).sum();
    }

    private final class Subscriber {
        private final String channel;
        private final Consumer<LiveChange> consumer;
        private final Queue<LiveChange> queue = new ArrayDeque<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean closed;

        Subscriber(String channel, Consumer<LiveChange> consumer) {
            this.channel = channel;
            this.consumer = consumer;
        }

        void offer(LiveChange change) {
            if (closed) {
                return;
            }
            synchronized (queue) {
                if (queue.size() >= queueCapacity) {
                    queue.clear();
                    queue.add(LiveChange.resync(channel));
                } else if (!change.isResync() || !queue.contains(change)) {
                    queue.add(change);
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

        private LiveChange poll() {
            synchronized (queue) {
                return queue.poll();
            }
        }
    }
}
