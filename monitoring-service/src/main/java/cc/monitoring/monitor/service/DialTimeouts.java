package cc.monitoring.monitor.service;

import cc.monitoring.monitor.config.MonitoringConfig;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * B27: ends sessions that are still DIALING {@code monitoring.dial-timeout} after they were
 * requested (DIAL_TIMEOUT, leg hung up, the supervisor free again). Every instance sweeps; rows are
 * taken with {@code for update skip locked}, so instances share the work and never end a session
 * twice. {@link #sweep(Instant)} takes "now" so that tests choose the time instead of waiting.
 */
@ApplicationScoped
public class DialTimeouts {

    private static final Logger LOG = Logger.getLogger(DialTimeouts.class);
    private static final int BATCH = 100;

    private final SessionRepository sessions;
    private final SessionLifecycle lifecycle;
    private final MonitoringConfig config;
    private ScheduledExecutorService timer;

    public DialTimeouts(SessionRepository sessions, SessionLifecycle lifecycle, MonitoringConfig config) {
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dial-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, config.dialTimeoutSweep().toMillis());
        timer.scheduleWithFixedDelay(this::sweepNow, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void sweepNow() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("dial timeout sweep failed, trying again later: %s", e.getMessage());
        }
    }

    /** Ends every session that, at {@code now}, has dialed for the configured time or longer; returns how many. */
    public int sweep(Instant now) {
        Instant cutoff = now.minus(config.dialTimeout());
        int ended = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<SessionEntity> expired = sessions.lockDialingSince(cutoff, BATCH);
                for (SessionEntity entity : expired) {
                    if (!entity.toDomain().dialTimedOut(now, config.dialTimeout())) {
                        continue;
                    }
                    lifecycle.dialTimedOut(entity, "no answer within " + config.dialTimeout().toSeconds() + " s");
                }
                return expired.size();
            });
            ended += batch;
        } while (batch == BATCH);
        return ended;
    }
}
