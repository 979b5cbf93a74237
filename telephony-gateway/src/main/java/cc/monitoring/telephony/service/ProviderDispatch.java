package cc.monitoring.telephony.service;

import cc.monitoring.telephony.config.TelephonyConfig;
import jakarta.annotation.PreDestroy;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks the provider only once the decision to ask is committed: an action registered here runs after
 * the current transaction commits, and never if it rolls back (a batch of commands that is retried
 * does not dial twice). Actions about one call run in order, on the call's lane, off the consumer's
 * thread, so a slow provider never holds a transaction open.
 */
@ApplicationScoped
public class ProviderDispatch {

    private static final Logger LOG = Logger.getLogger(ProviderDispatch.class);

    private final TransactionSynchronizationRegistry transactions;
    private final ExecutorService[] lanes;

    public ProviderDispatch(TransactionSynchronizationRegistry transactions, TelephonyConfig config) {
        this.transactions = transactions;
        this.lanes = new ExecutorService[Math.max(1, config.dispatchLanes())];
        AtomicInteger n = new AtomicInteger();
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "telephony-dispatch-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Runs {@code action} on the lane of {@code callId} once the current transaction has committed. */
    public void afterCommit(String callId, Runnable action) {
        Context trace = Context.current(); // the consumed command's span: what the provider reports joins its trace
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    lanes[Math.floorMod(callId.hashCode(), lanes.length)].execute(trace.wrap(() -> {
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            LOG.errorf(e, "telephony provider action on call %s failed", callId);
                        }
                    }));
                }
            }
        });
    }

    @PreDestroy
    void stop() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
