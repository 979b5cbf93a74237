package cc.monitoring.kit.metrics;

import cc.monitoring.kit.KitConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Gauges over the database, for every service: each {@link Snapshot} is refreshed on one background thread of
 * this instance, in a transaction of its own, at most every {@code kit.metrics.refresh} (10 s) and only while
 * somebody scrapes — never a query per scrape.
 */
@ApplicationScoped
public class MeterSnapshots {

    private final KitConfig config;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "meter-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    public MeterSnapshots(KitConfig config) {
        this.config = config;
    }

    /** A cached value of {@code query}, run in a new transaction; {@code initial} until the first read. */
    public <T> Snapshot<T> of(Supplier<T> query, T initial) {
        return new Snapshot<>(() -> QuarkusTransaction.requiringNew().call(query::get), config.metrics().refresh(),
                refresher, initial);
    }

    void stop(@Observes ShutdownEvent ignored) {
        refresher.shutdownNow();
    }
}
