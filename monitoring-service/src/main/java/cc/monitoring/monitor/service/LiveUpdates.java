package cc.monitoring.monitor.service;

import cc.monitoring.kit.live.LiveChange;
import cc.monitoring.kit.live.LiveChannels;
import cc.monitoring.kit.live.LiveNotifier;
import cc.monitoring.kit.live.LiveSubscription;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Consumer;

/**
 * B51: what the supervisors' consoles are told, through the kit's live channels. In the transaction of a
 * change: the monitoring table of a tenant changed (naming the interaction when the transaction changed
 * exactly one), or a session changed state or mode. Every instance hears it after the commit and tells
 * the consoles connected to it which may see it.
 */
@ApplicationScoped
public class LiveUpdates {

    /** Listed in {@code kit.live.channels}. */
    public static final String CHANNEL = "monitoring_live";
    private static final String TABLE = "table";
    private static final String SESSION = "session";

    /**
     * One change as a console may be told it: {@code table} rows of a tenant changed ({@code interactionId}
     * when exactly one did), a {@code session} of a supervisor changed, or a {@code resync} (changes may
     * have been missed: a console refetches what it shows).
     */
    public record Change(Kind kind, String tenantId, String supervisorId, String sessionId, String interactionId) {

        public enum Kind { TABLE, SESSION, RESYNC }

        /** B06: another tenant's changes are not shown; a session only to its own supervisor. */
        public boolean visibleTo(String tenant, String userId) {
            return switch (kind) {
                case RESYNC -> true;
                case TABLE -> tenantId.equals(tenant);
                case SESSION -> tenantId.equals(tenant) && supervisorId.equals(userId);
            };
        }

        static Change of(LiveChange change) {
            if (change.isResync()) {
                return new Change(Kind.RESYNC, null, null, null, null);
            }
            String[] parts = change.key().split("\\|", -1);
            if (parts.length == 2 && parts[0].equals(TABLE)) {
                return new Change(Kind.TABLE, parts[1], null, null, change.detail());
            }
            if (parts.length == 4 && parts[0].equals(SESSION)) {
                return new Change(Kind.SESSION, parts[1], parts[2], parts[3], null);
            }
            return null;
        }
    }

    private final LiveNotifier notifier;
    private final LiveChannels channels;

    public LiveUpdates(LiveNotifier notifier, LiveChannels channels) {
        this.notifier = notifier;
        this.channels = channels;
    }

    /** Rows of a tenant's table changed: {@code interactionId}'s (started, ended, got a message or a monitor), if known. */
    public void tableChanged(String tenantId, String interactionId) {
        notifier.notify(CHANNEL, TABLE + "|" + tenantId, interactionId);
    }

    /** A session changed state or mode; its supervisor's console follows it, and its interaction's row changed. */
    public void sessionChanged(String tenantId, String supervisorId, String sessionId, String interactionId) {
        notifier.notify(CHANNEL, SESSION + "|" + tenantId + "|" + supervisorId + "|" + sessionId);
        tableChanged(tenantId, interactionId);
    }

    /** {@code subscriber} hears every change of every tenant (filter with {@link Change#visibleTo}) until closed. */
    public LiveSubscription subscribe(Consumer<Change> subscriber) {
        return channels.subscribe(CHANNEL, change -> {
            Change known = Change.of(change);
            if (known != null) {
                subscriber.accept(known);
            }
        });
    }
}
