package cc.monitoring.telephony.service;

import cc.monitoring.kit.tracing.EventTracing;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.LegState;
import cc.monitoring.telephony.domain.ModeRefusal;
import cc.monitoring.telephony.domain.ProviderCommandState;
import cc.monitoring.telephony.domain.RetryPolicy;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.CallRepository;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.persistence.MonitorLegRepository;
import cc.monitoring.telephony.persistence.ProviderCommandEntity;
import cc.monitoring.telephony.persistence.ProviderCommandRepository;
import cc.monitoring.telephony.provider.ProviderFailure;
import cc.monitoring.telephony.provider.TelephonyProvider;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;
import cc.monitoring.telephony.provider.TelephonyProvider.LegRef;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Performs the durable provider commands ({@link ProviderCommands}) against the {@link TelephonyProvider}
 * (B29). Each row is taken in its own transaction ({@code FOR UPDATE SKIP LOCKED}, per call only the oldest
 * pending row), the provider is asked while the row is locked, and the outcome is recorded in the same
 * transaction: DONE; a retryable failure → tried again after a backoff with jitter, up to the configured
 * attempts, then FAILED; a refusal → FAILED. A FAILED dial fails the leg and a FAILED mode change is announced
 * as refused, so monitoring-service learns the outcome: with the reason the provider's failure names
 * ({@code CALL_NOT_FOUND}, {@code UNKNOWN_EXTENSION}, {@code LEG_NOT_CONNECTED} …), otherwise {@code PROVIDER_ERROR}.
 * <p>
 * If the instance dies anywhere in between, its transaction rolls back, the row is PENDING and unlocked again,
 * and a worker (of this or another instance) asks the provider again: the provider is idempotent per leg, so
 * the command takes effect once. Several threads and instances are safe.
 */
@ApplicationScoped
public class ProviderCommandWorker {

    private static final Logger LOG = Logger.getLogger(ProviderCommandWorker.class);

    private final ProviderCommands commands;
    private final ProviderCommandRepository rows;
    private final MonitorLegRepository legs;
    private final CallRepository calls;
    private final MonitorLegService legService;
    private final TelephonyProvider provider;
    private final Clock clock;
    private final EventTracing tracing;
    private final RetryPolicy retries;
    private final Duration pollInterval;
    private final int workers;
    /** Held (write) by {@link #pause()}: the worker threads take no row meanwhile. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    public ProviderCommandWorker(ProviderCommands commands, ProviderCommandRepository rows, MonitorLegRepository legs,
                                 CallRepository calls, MonitorLegService legService, TelephonyProvider provider,
                                 Clock clock, EventTracing tracing, TelephonyConfig config) {
        this.commands = commands;
        this.rows = rows;
        this.legs = legs;
        this.calls = calls;
        this.legService = legService;
        this.provider = provider;
        this.clock = clock;
        this.tracing = tracing;
        TelephonyConfig.Commands c = config.commands();
        this.retries = new RetryPolicy(c.maxAttempts(), c.firstRetryDelay(), c.maxRetryDelay());
        this.pollInterval = c.pollInterval();
        this.workers = Math.max(1, c.workers());
    }

    /** After the provider listens and the simulator is restored (SimulatorRecovery). */
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 2000) StartupEvent ignored) {
        running = true;
        for (int i = 1; i <= workers; i++) {
            Thread thread = new Thread(this::run, "provider-commands-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        commands.wake();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run() {
        while (running) {
            try {
                if (!performDue()) {
                    commands.awaitWork(idleWait());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away, say: the rows stay pending; look again after the poll interval
                LOG.warnf("provider command worker: %s", e.toString());
                try {
                    commands.awaitWork(pollInterval);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Until the next retry is due, at most the poll interval. */
    private Duration idleWait() {
        Instant now = clock.instant();
        Duration untilDue = QuarkusTransaction.requiringNew().call(() -> rows.nextDueAfter(now))
                .map(due -> Duration.between(now, due)).orElse(pollInterval);
        return untilDue.compareTo(pollInterval) < 0 ? untilDue.plusMillis(1) : pollInterval;
    }

    /** Performs one due command, if there is one (and the worker is not paused); returns whether it did. */
    boolean performDue() throws InterruptedException {
        if (!gate.readLock().tryLock(0, TimeUnit.SECONDS)) {
            return false;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                Optional<ProviderCommandEntity> row = rows.claimNextDue(now);
                // in the trace of whoever asked: what the provider then reports joins it too
                row.ifPresent(r -> tracing.continuing(r.traceparent, "provider " + r.kind.name().toLowerCase(java.util.Locale.ROOT),
                        () -> {
                            perform(r, now);
                            return null;
                        }));
                return row.isPresent();
            });
        } finally {
            gate.readLock().unlock();
        }
    }

    private void perform(ProviderCommandEntity row, Instant now) {
        Optional<MonitorLegEntity> leg = legs.findByIdOptional(row.legId);
        Optional<CallEntity> call = calls.ofTenant(row.tenantId, row.callId);
        row.attempts++;
        row.updatedAt = now;
        if (leg.isEmpty() || call.isEmpty()) {
            row.state = ProviderCommandState.DONE; // nothing to ask about any more
            return;
        }
        try {
            switch (row.kind) {
                case DIAL -> {
                    if (leg.get().state != LegState.RINGING) {
                        // hung up, failed or ended with its call before it was dialed: nothing to dial
                        LOG.debugf("monitor leg %s is %s; not dialed", row.legId, leg.get().state);
                    } else {
                        provider.dialMonitorLeg(new DialRequest(row.tenantId, row.legId.toString(), call.get().providerRef,
                                leg.get().extensionKind, leg.get().extensionAddress));
                    }
                }
                case SET_MODE -> provider.setMonitorLegMode(refOf(leg.get(), call.get()), LegMode.valueOf(row.payload));
                case HANG_UP -> provider.hangUpMonitorLeg(refOf(leg.get(), call.get()));
            }
            row.state = ProviderCommandState.DONE;
            row.lastError = null;
        } catch (ProviderFailure failure) {
            failed(row, now, failure.retryable(), failure.reason());
        } catch (RuntimeException e) {
            LOG.errorf(e, "provider command %d (%s of monitor leg %s) failed unexpectedly", row.id, row.kind, row.legId);
            failed(row, now, true, "UNEXPECTED");
        }
    }

    private void failed(ProviderCommandEntity row, Instant now, boolean retryable, String reason) {
        row.lastError = reason == null ? null : reason.substring(0, Math.min(64, reason.length()));
        Optional<Duration> delay = retryable ? retries.delayAfter(row.attempts, ThreadLocalRandom.current().nextDouble())
                : Optional.empty();
        if (delay.isPresent()) {
            row.nextAttemptAt = now.plus(delay.get());
            LOG.infof("provider command %d (%s of monitor leg %s): %s, attempt %d, next in %d ms", row.id, row.kind,
                    row.legId, reason, row.attempts, delay.get().toMillis());
            return;
        }
        row.state = ProviderCommandState.FAILED;
        LOG.warnf("provider command %d (%s of monitor leg %s) given up after %d attempt(s): %s", row.id, row.kind,
                row.legId, row.attempts, reason);
        switch (row.kind) {
            case DIAL -> legService.failed(row.legId.toString(), LegFailure.ofProviderReason(reason));
            case SET_MODE -> legService.modeRefused(row.legId.toString(), ModeRefusal.ofProviderReason(reason));
            case HANG_UP -> {
                // the session has ended on monitoring-service's side anyway; the leg stays as the provider reports it
            }
        }
    }

    private static LegRef refOf(MonitorLegEntity leg, CallEntity call) {
        return new LegRef(leg.tenantId, leg.legId.toString(), call.providerRef, leg.providerRef, call.agentLegRef);
    }

    // --- for tests: hold the worker still, as if the instance that wrote the rows had died --------------

    /** No row is taken until {@link #resume()} (called from the same thread); returns once no row is in progress. */
    public void pause() {
        gate.writeLock().lock();
    }

    public void resume() {
        gate.writeLock().unlock();
        commands.wake();
    }
}
