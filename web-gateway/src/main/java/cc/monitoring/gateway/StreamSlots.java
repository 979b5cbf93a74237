package cc.monitoring.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's caps on open streams: per client address and in total. Plain Java (the services cap
 * per user with service-kit's {@code StreamLimits}; the gateway knows no users, only addresses).
 */
final class StreamSlots {

    /** A held slot; {@link #release()} gives it back, once, however often it is called. */
    static final class Slot {
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final Runnable release;

        private Slot(Runnable release) {
            this.release = release;
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                release.run();
            }
        }
    }

    /** Why a stream was refused, for the problem detail. */
    enum Refusal { CLIENT_FULL, GATEWAY_FULL }

    static final class Refused extends RuntimeException {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final int maxPerClient;
    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Integer> byClient = new ConcurrentHashMap<>();

    StreamSlots(int maxPerClient, int maxTotal) {
        this.maxPerClient = maxPerClient;
        this.maxTotal = maxTotal;
    }

    Slot acquire(String clientAddress) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw new Refused(Refusal.GATEWAY_FULL);
        }
        boolean[] admitted = new boolean[1];
        byClient.compute(clientAddress, (address, open) -> {
            int now = open == null ? 0 : open;
            admitted[0] = now < maxPerClient;
            return admitted[0] ? now + 1 : open;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            throw new Refused(Refusal.CLIENT_FULL);
        }
        return new Slot(() -> {
            byClient.computeIfPresent(clientAddress, (address, open) -> open <= 1 ? null : open - 1);
            total.decrementAndGet();
        });
    }

    int open() {
        return total.get();
    }

    int open(String clientAddress) {
        return byClient.getOrDefault(clientAddress, 0);
    }

    int maxPerClient() {
        return maxPerClient;
    }

    int maxTotal() {
        return maxTotal;
    }
}
