package cc.monitoring.kit.retention;

import cc.monitoring.kit.KitConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The retention job: every {@code kit.retention.interval} (first run one interval after start-up) each
 * {@link RetentionPolicy} bean deletes its rows older than its keep period, {@code kit.retention.batch-size}
 * rows per transaction, so that locks stay short and a purge of a long backlog never holds the table. Every
 * instance may run it: a row is deleted once, a second instance finds less to do. {@link #purge(Instant)}
 * takes "now", so tests choose the time instead of waiting.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Instance<RetentionPolicy> policies;
    private final KitConfig config;
    private ScheduledExecutorService timer;

    public Retention(Instance<RetentionPolicy> policies, KitConfig config) {
        this.policies = policies;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.retention().enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1_000, config.retention().interval().toMillis());
        timer.scheduleWithFixedDelay(this::purgeNow, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void purgeNow() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("retention purge failed, trying again in %s: %s", config.retention().interval(), e.getMessage());
        }
    }

    /** Deletes, for every policy, the rows older than {@code now} minus its keep period; returns how many each. */
    public Map<String, Integer> purge(Instant now) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        int batchSize = Math.max(1, config.retention().batchSize());
        for (RetentionPolicy policy : policies) {
            Instant cutoff = now.minus(policy.keep());
            int total = 0;
            int batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(() -> policy.deleteOlderThan(cutoff, batchSize));
                total += batch;
            } while (batch == batchSize && !Thread.currentThread().isInterrupted());
            if (total > 0) {
                LOG.infof("retention: deleted %d %s rows older than %s (kept %s)", total, policy.name(), cutoff,
                        policy.keep());
            }
            deleted.put(policy.name(), total);
        }
        return deleted;
    }
}
