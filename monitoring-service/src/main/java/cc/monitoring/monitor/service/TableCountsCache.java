package cc.monitoring.monitor.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.live.LiveSubscription;
import cc.monitoring.monitor.persistence.InteractionRepository.TableCounts;
import cc.monitoring.monitor.persistence.InteractionRepository.TableFilter;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The counts of the monitoring table (B13) of each tenant and filter, kept between requests so that 500
 * requests/s do not each count 100,000 rows (issue 13). A tenant's counts are counted again once the tenant's
 * table changed (its live changes, {@link LiveUpdates}, heard after the commit) — at most once per
 * {@code refresh} (250 ms by default) while its table keeps changing — and at the latest after {@code maxAge}.
 * So counts are at most {@code refresh} + the live channel's delivery time behind the table, and exact when the
 * tenant's table is quiet. A resync (changes may have been missed) forgets every count. B06: an entry belongs
 * to exactly one tenant (the key), never shown to another.
 */
@ApplicationScoped
public class TableCountsCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(String tenantId, Channel channel, String agent, String q) {
    }

    private record Entry(TableCounts counts, long countedAt, long version) {
    }

    private final LiveUpdates live;
    private final long refreshNanos;
    private final long maxAgeNanos;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong resyncs = new AtomicLong();
    private volatile LiveSubscription subscription;

    public TableCountsCache(LiveUpdates live,
                            @ConfigProperty(name = "monitoring.table.counts-refresh", defaultValue = "PT0.25S") Duration refresh,
                            @ConfigProperty(name = "monitoring.table.counts-max-age", defaultValue = "PT30S") Duration maxAge) {
        this.live = live;
        this.refreshNanos = refresh.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
    }

    void start(@Observes StartupEvent ignored) {
        subscription = live.subscribe(this::heard);
    }

    @PreDestroy
    void stop() throws Exception {
        LiveSubscription open = subscription;
        if (open != null) {
            open.close();
        }
    }

    private void heard(LiveUpdates.Change change) {
        switch (change.kind()) {
            case RESYNC -> {
                resyncs.incrementAndGet();
                entries.clear();
            }
            case TABLE -> versions.computeIfAbsent(change.tenantId(), t -> new AtomicLong()).incrementAndGet();
            case SESSION -> { } // a session's change comes with its interaction's table change
        }
    }

    /** The counts of {@code tenantId}'s table under {@code filter} (its state aside), counted by {@code count} if stale. */
    public TableCounts counts(String tenantId, TableFilter filter, Supplier<TableCounts> count) {
        Key key = new Key(tenantId, filter.channel(), filter.agent(), filter.q());
        long now = System.nanoTime();
        long version = version(tenantId); // read before counting: a change during the count makes it stale
        Entry known = entries.get(key);
        if (known != null && fresh(known, version, now)) {
            return known.counts();
        }
        TableCounts counted = count.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(counted, now, version));
        return counted;
    }

    private boolean fresh(Entry entry, long version, long now) {
        long age = now - entry.countedAt();
        return age < refreshNanos || (entry.version() == version && age < maxAgeNanos);
    }

    private long version(String tenantId) {
        AtomicLong tenant = versions.get(tenantId);
        // a resync moves every tenant's version on
        return (tenant == null ? 0 : tenant.get()) + (resyncs.get() << 32);
    }
}
