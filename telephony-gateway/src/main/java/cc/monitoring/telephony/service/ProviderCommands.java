package cc.monitoring.telephony.service;

import cc.monitoring.kit.tracing.EventTracing;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.domain.ProviderCommandKind;
import cc.monitoring.telephony.domain.ProviderCommandState;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.persistence.ProviderCommandEntity;
import cc.monitoring.telephony.persistence.ProviderCommandRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the gateway asks the provider, as durable rows (B29): a command is written in the caller's
 * transaction (for telephony-commands, the one in which the kit records the command as consumed), so it is
 * asked exactly when that transaction commits, never when it rolls back, and survives a crash. The
 * {@link ProviderCommandWorker} performs the rows; it is woken after the commit, so the happy path has no
 * polling latency.
 */
@ApplicationScoped
public class ProviderCommands {

    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final ProviderCommandRepository commands;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final EventTracing tracing;
    private final Object signal = new Object();
    private boolean signalled;

    public ProviderCommands(ProviderCommandRepository commands, TransactionSynchronizationRegistry transactions, Clock clock,
                            EventTracing tracing) {
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Dial the leg into its call, muted (B21). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dial(MonitorLegEntity leg) {
        add(leg, ProviderCommandKind.DIAL, null);
    }

    /** Change the connected leg's mode; it changes when the provider confirms it (B29). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setMode(MonitorLegEntity leg, LegMode mode) {
        add(leg, ProviderCommandKind.SET_MODE, mode.name());
    }

    /** Take the leg out of its call; the call goes on (B24). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hangUp(MonitorLegEntity leg) {
        add(leg, ProviderCommandKind.HANG_UP, null);
    }

    private void add(MonitorLegEntity leg, ProviderCommandKind kind, String payload) {
        Instant now = clock.instant();
        ProviderCommandEntity command = new ProviderCommandEntity();
        command.tenantId = leg.tenantId;
        command.legId = leg.legId;
        command.callId = leg.callId;
        command.kind = kind;
        command.payload = payload;
        command.state = ProviderCommandState.PENDING;
        command.nextAttemptAt = now;
        command.createdAt = now;
        command.updatedAt = now;
        command.traceparent = tracing.currentTraceparent();
        commands.persist(command);
        wakeAfterCommit();
    }

    /** Once per transaction: wake the worker when it committed. */
    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    /** There may be commands to perform now (new ones committed, a retry came due, a test advanced the clock). */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Waits until {@link #wake} or at most {@code timeout}. */
    void awaitWork(Duration timeout) throws InterruptedException {
        synchronized (signal) {
            if (!signalled && timeout.toMillis() > 0) {
                signal.wait(timeout.toMillis());
            }
            signalled = false;
        }
    }
}
