package cc.monitoring.monitor.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Hands the notifications this instance receives to the consoles connected to it. */
@ApplicationScoped
public class LiveHub {

    /** One notification: {@code sessionId} and {@code supervisorId} are set for session changes only. */
    public record Change(String tenantId, String supervisorId, String sessionId) {
        public boolean isSession() {
            return sessionId != null;
        }

        static Change parse(String payload) {
            String[] parts = payload.split("\\|", -1);
            if (parts.length == 2 && parts[0].equals("table")) {
                return new Change(parts[1], null, null);
            }
            if (parts.length == 4 && parts[0].equals("session")) {
                return new Change(parts[1], parts[2], parts[3]);
            }
            return null;
        }
    }

    private final Set<Consumer<Change>> subscribers = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code beat} every {@code seconds} until it throws. */
    public void every(long seconds, Runnable beat) {
        timer.scheduleAtFixedRate(beat, seconds, seconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    public Runnable subscribe(Consumer<Change> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void deliver(String payload) {
        Change change = Change.parse(payload);
        if (change == null) {
            return;
        }
        for (Consumer<Change> subscriber : subscribers) {
            subscriber.accept(change);
        }
    }
}
