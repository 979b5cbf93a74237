package cc.monitoring.monitor.service;

import cc.monitoring.kit.live.LiveChange;
import cc.monitoring.kit.live.LiveChannels;
import cc.monitoring.kit.live.LiveNotifier;
import cc.monitoring.kit.live.LiveSubscription;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * B51: what the supervisors' consoles are told, through the kit's live channels. In the transaction of a
 * change: a row of a tenant's monitoring table changed (one notification per interaction, so a transaction
 * that changes many rows still names each), the table changed in a way no row names (an agent logged in),
 * a session changed state or mode, or a user's permissions changed. Every instance hears it after the
 * commit and tells the consoles connected to it which may see it ({@link LiveRows}: with the changed row).
 */
@ApplicationScoped
public class LiveUpdates {

    /** Listed in {@code kit.live.channels}. */
    public static final String CHANNEL = "monitoring_live";
    private static final String TABLE = "table";
    private static final String ROW = "row";
    private static final String SESSION = "session";
    private static final String USER = "user";

    /**
     * One change as a console may be told it: {@code table} rows of a tenant changed ({@code interactionId}
     * when one row did), a {@code session} of a supervisor changed, a {@code user}'s permissions changed
     * ({@code supervisorId} names the user), or a {@code resync} (changes may have been missed: a console
     * refetches what it shows).
     */
    public record Change(Kind kind, String tenantId, String supervisorId, String sessionId, String interactionId) {

        public enum Kind { TABLE, SESSION, USER, RESYNC }

        /** B06: another tenant's changes are not shown; a session or a user's change only to that user. */
        public boolean visibleTo(String tenant, String userId) {
            return switch (kind) {
                case RESYNC -> true;
                case TABLE -> tenantId.equals(tenant);
                case SESSION, USER -> tenantId.equals(tenant) && supervisorId.equals(userId);
            };
        }

        static Change of(LiveChange change) {
            if (change.isResync()) {
                return new Change(Kind.RESYNC, null, null, null, null);
            }
            String[] parts = change.key().split("\\|", -1);
            if (parts.length == 2 && parts[0].equals(TABLE)) { // with a detail: sent by an older version
                return new Change(Kind.TABLE, parts[1], null, null, change.detail());
            }
            if (parts.length == 3 && parts[0].equals(ROW)) {
                return new Change(Kind.TABLE, parts[1], null, null, parts[2]);
            }
            if (parts.length == 4 && parts[0].equals(SESSION)) {
                return new Change(Kind.SESSION, parts[1], parts[2], parts[3], null);
            }
            if (parts.length == 3 && parts[0].equals(USER)) {
                return new Change(Kind.USER, parts[1], parts[2], null, null);
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

    /**
     * Rows of a tenant's table changed: {@code interactionId}'s (started, ended, got a message or a monitor), or,
     * if null, the table in a way no row names (consoles refetch it).
     */
    public void tableChanged(String tenantId, String interactionId) {
        if (interactionId == null) {
            notifier.notify(CHANNEL, TABLE + "|" + tenantId);
        } else {
            notifier.notify(CHANNEL, ROW + "|" + tenantId + "|" + interactionId);
        }
    }

    /** What {@code userId} may do changed (their permissions): their consoles refetch, their rows are recomputed. */
    public void userChanged(String tenantId, String userId) {
        notifier.notify(CHANNEL, USER + "|" + tenantId + "|" + userId);
    }

    /** A session changed state or mode; its supervisor's console follows it, and its interaction's row changed. */
    public void sessionChanged(String tenantId, String supervisorId, String sessionId, String interactionId) {
        notifier.notify(CHANNEL, SESSION + "|" + tenantId + "|" + supervisorId + "|" + sessionId);
        tableChanged(tenantId, interactionId);
    }

    /**
     * {@code subscriber} hears the changes of every tenant (filter with {@link Change#visibleTo}) in batches: those
     * that arrived together, or while it was busy with the previous batch. More than {@code capacity} waiting
     * collapse into one resync.
     */
    public LiveSubscription subscribeBatches(int capacity, Consumer<List<Change>> subscriber) {
        return channels.subscribeBatches(CHANNEL, capacity, changes -> {
            List<Change> known = new ArrayList<>(changes.size());
            for (LiveChange change : changes) {
                Change one = Change.of(change);
                if (one != null) {
                    known.add(one);
                }
            }
            if (!known.isEmpty()) {
                subscriber.accept(known);
            }
        });
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
