package cc.monitoring.kit.live;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Announces a change to every instance's {@link LiveChannels}, in the caller's transaction: the
 * notifications are collected and sent with {@code pg_notify} just before the commit, once per
 * (channel, key) and all in one statement, so PostgreSQL delivers them when (and only if) the change commits. A rolled-back
 * transaction announces nothing.
 */
@ApplicationScoped
public class LiveNotifier {

    private static final String PENDING = LiveNotifier.class.getName() + ".pending";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public LiveNotifier(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** {@code key} (on {@code channel}) changed. */
    public void notify(String channel, String key) {
        notify(channel, key, null);
    }

    /**
     * {@code key} changed, and {@code detail} is what changed in it (an id, say). Subscribers receive the
     * detail only if the transaction named no other for the same key.
     */
    public void notify(String channel, String key, String detail) {
        LivePayload.requireChannel(channel);
        LivePayload.encode(key, null); // refuses a key that could not be told apart from its detail
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("live notifications are sent with a transaction; there is none");
        }
        PendingNotifications pending = (PendingNotifications) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new PendingNotifications();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(new SendBeforeCommit(pending, dataSource));
        }
        pending.add(channel, key, detail);
    }

    private record SendBeforeCommit(PendingNotifications pending, AgroalDataSource dataSource) implements Synchronization {

        @Override
        public void beforeCompletion() {
            if (pending.isEmpty()) {
                return;
            }
            // the transaction's own connection: the notifications commit (or roll back) with it; all of them
            // in one round trip (one per key was a cost of every batch of events, issue 13)
            List<PendingNotifications.Notification> all = pending.notifications();
            String[] channels = all.stream().map(PendingNotifications.Notification::channel).toArray(String[]::new);
            String[] payloads = all.stream().map(PendingNotifications.Notification::payload).toArray(String[]::new);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement notify = connection.prepareStatement(
                         "select count(pg_notify(c, p)) from unnest(?::text[], ?::text[]) as n(c, p)")) {
                notify.setArray(1, connection.createArrayOf("text", channels));
                notify.setArray(2, connection.createArrayOf("text", payloads));
                try (ResultSet ignored = notify.executeQuery()) {
                    // pg_notify returns void
                }
            } catch (SQLException e) {
                throw new IllegalStateException("live notifications could not be sent", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
        }
    }
}
