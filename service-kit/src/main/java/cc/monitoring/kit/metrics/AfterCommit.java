package cc.monitoring.kit.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts what committed, not what was tried: {@link #run} defers a meter update until the caller's transaction
 * commits (dropped on rollback, so a retried batch is not counted twice), or runs it at once outside a transaction.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable update) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            update.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    update.run();
                }
            }
        });
    }
}
