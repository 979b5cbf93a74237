package cc.monitoring.monitor.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.live.LiveSubscription;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.kit.permissions.PermissionsChanged;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import cc.monitoring.monitor.persistence.ReadPositionRepository;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * B51: row deltas for the live streams of this instance. One subscription to {@link LiveUpdates} serves every
 * console connected here: per batch of changes it reads each changed interaction, its live monitors and (when
 * digital) the read positions of the tenant's connected users once — a few queries per batch, never one per
 * console — then works out in memory, per console, the row as that caller would get it from the table (B11,
 * B52) or its removal (the row left the table, B08). Who a console's user is (their {@link Supervisor}, whether
 * they monitor a call) is kept per user and read again only after their own session, their permissions or
 * their tenant's agent logins changed. B06: a tenant's rows go only to its own consoles.
 */
@ApplicationScoped
public class LiveRows {

    /** More changed rows of one tenant in one batch than this: its consoles refetch instead. */
    static final int MAX_DELTAS_PER_BATCH = 200;
    /** Changes waiting while a batch is handled; beyond that they collapse into one resync (every console refetches). */
    static final int QUEUE = 20_000;

    /** What one stream is told. */
    public sealed interface Event permits Refetch, RowChanged, SessionChanged {
    }

    /** Changes may have been missed or are too many to send: refetch what is shown. */
    public record Refetch() implements Event {
        static final Refetch INSTANCE = new Refetch();
    }

    /** A row changed as this stream's user sees it, or left their table. */
    public record RowChanged(Delta delta) implements Event {
    }

    /** One of this stream's user's sessions changed. */
    public record SessionChanged(String sessionId) implements Event {
    }

    /**
     * A changed row ({@link #row()} empty: removed from the caller's table). Consoles that see the row alike share
     * one Delta, so its encoding ({@link #encoded}) is done once for all of them.
     */
    public static final class Delta {
        private final String interactionId;
        private final MonitoringTable.Row row;
        private volatile Object encoded;

        Delta(String interactionId, MonitoringTable.Row row) {
            this.interactionId = interactionId;
            this.row = row;
        }

        public String interactionId() {
            return interactionId;
        }

        public Optional<MonitoringTable.Row> row() {
            return Optional.ofNullable(row);
        }

        /** {@code encoder}'s result for this delta, computed once (whoever asks first). */
        @SuppressWarnings("unchecked")
        public <T> T encoded(Function<Delta, T> encoder) {
            Object known = encoded;
            if (known == null) {
                known = encoder.apply(this);
                encoded = known;
            }
            return (T) known;
        }
    }

    /** A user with streams on this instance: who they are for the rules, read again only when it may have changed. */
    private static final class Viewer {
        final Caller caller;
        final Set<Consumer<Event>> streams = ConcurrentHashMap.newKeySet();
        volatile Supervisor supervisor;
        volatile boolean busyOnVoice;
        volatile boolean stale = true;

        Viewer(Caller caller, Supervisor supervisor) {
            this.caller = caller;
            this.supervisor = supervisor;
        }

        void tell(Event event) {
            for (Consumer<Event> stream : streams) {
                stream.accept(event);
            }
        }
    }

    private record Reads(Map<String, InteractionEntity> interactions, Map<String, List<SessionEntity>> monitors,
                         Map<String, Map<String, Map<String, Long>>> positions) {
    }

    private final LiveUpdates live;
    private final Directory directory;
    private final InteractionRepository interactions;
    private final SessionRepository sessions;
    private final ReadPositionRepository readPositions;
    /** tenant → user → viewer. */
    private final Map<String, Map<String, Viewer>> viewers = new ConcurrentHashMap<>();
    private LiveSubscription subscription;

    public LiveRows(LiveUpdates live, Directory directory, InteractionRepository interactions,
                    SessionRepository sessions, ReadPositionRepository readPositions) {
        this.live = live;
        this.directory = directory;
        this.interactions = interactions;
        this.sessions = sessions;
        this.readPositions = readPositions;
    }

    /**
     * {@code stream} of {@code caller} (who may monitor: {@code supervisor}) is told the changes they may see until
     * the returned subscription is closed. Must not block.
     */
    public synchronized LiveSubscription register(Caller caller, Supervisor supervisor, Consumer<Event> stream) {
        if (subscription == null) {
            subscription = live.subscribeBatches(QUEUE, this::deliver);
        }
        Viewer viewer = viewers.computeIfAbsent(caller.tenantId(), t -> new ConcurrentHashMap<>())
                .computeIfAbsent(caller.userId(), u -> new Viewer(caller, supervisor));
        viewer.streams.add(stream);
        return () -> unregister(caller, viewer, stream);
    }

    private synchronized void unregister(Caller caller, Viewer viewer, Consumer<Event> stream) {
        viewer.streams.remove(stream);
        Map<String, Viewer> ofTenant = viewers.get(caller.tenantId());
        if (viewer.streams.isEmpty() && ofTenant != null) {
            ofTenant.remove(caller.userId(), viewer);
            if (ofTenant.isEmpty()) {
                viewers.remove(caller.tenantId(), ofTenant);
            }
        }
    }

    /** How many users have streams on this instance. */
    public int viewers() {
        return viewers.values().stream().mapToInt(Map::size).sum();
    }

    void stop(@Observes ShutdownEvent ignored) {
        LiveSubscription running;
        synchronized (this) {
            running = subscription;
        }
        if (running != null) {
            running.close();
        }
    }

    /** B28, B51: a user's permissions changed: every instance reads that user again and their consoles refetch. */
    void onPermissionsChanged(@Observes PermissionsChanged change) {
        live.userChanged(change.after().tenantId(), change.after().userId());
    }

    /** One batch of changes, on the live delivery thread (one batch at a time). */
    void deliver(List<LiveUpdates.Change> batch) {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        Set<String> refetchTenants = new LinkedHashSet<>();
        List<LiveUpdates.Change> later = new ArrayList<>();
        for (LiveUpdates.Change change : batch) {
            switch (change.kind()) {
                case RESYNC -> {
                    viewers.values().forEach(ofTenant -> ofTenant.values().forEach(v -> v.stale = true));
                    viewers.values().forEach(ofTenant -> ofTenant.values().forEach(v -> v.tell(Refetch.INSTANCE)));
                    return; // every console refetches: nothing else of this batch needs telling
                }
                case TABLE -> {
                    if (!viewers.containsKey(change.tenantId())) {
                        continue;
                    }
                    if (change.interactionId() == null) { // an agent logged in or out: who may monitor may differ
                        refetchTenants.add(change.tenantId());
                        viewers.getOrDefault(change.tenantId(), Map.of()).values().forEach(v -> v.stale = true);
                    } else {
                        rows.computeIfAbsent(change.tenantId(), t -> new LinkedHashSet<>()).add(change.interactionId());
                    }
                }
                case SESSION, USER -> {
                    Viewer viewer = viewers.getOrDefault(change.tenantId(), Map.of()).get(change.supervisorId());
                    if (viewer != null) {
                        viewer.stale = true;
                        later.add(change);
                    }
                }
            }
        }
        for (LiveUpdates.Change change : later) {
            Viewer viewer = viewers.getOrDefault(change.tenantId(), Map.of()).get(change.supervisorId());
            if (viewer == null) {
                continue;
            }
            if (change.kind() == LiveUpdates.Change.Kind.SESSION) {
                viewer.tell(new SessionChanged(change.sessionId()));
            } else if (!refetchTenants.contains(change.tenantId())) {
                viewer.tell(Refetch.INSTANCE); // their permissions changed: the console reads itself and the table again
            }
        }
        rows.entrySet().removeIf(e -> {
            if (e.getValue().size() > MAX_DELTAS_PER_BATCH) {
                refetchTenants.add(e.getKey());
            }
            return refetchTenants.contains(e.getKey());
        });
        refetchTenants.forEach(tenant -> viewers.getOrDefault(tenant, Map.of()).values().forEach(v -> v.tell(Refetch.INSTANCE)));
        if (rows.isEmpty()) {
            return;
        }
        Reads reads = QuarkusTransaction.requiringNew().call(() -> read(rows));
        rows.forEach((tenant, ids) -> tell(tenant, ids, reads));
    }

    /** Everything this batch needs, in a few queries: rows, monitors, read positions, users read again. */
    private Reads read(Map<String, Set<String>> rows) {
        List<String> ids = rows.values().stream().flatMap(Set::stream).distinct().toList();
        Map<String, InteractionEntity> found = interactions.list("interactionId in ?1", ids).stream()
                .collect(Collectors.toMap(i -> i.interactionId, i -> i));
        Map<String, List<SessionEntity>> monitors = sessions.liveOnInteractions(ids).stream()
                .collect(Collectors.groupingBy(s -> s.interactionId));
        Map<String, Map<String, Map<String, Long>>> positions = new HashMap<>();
        rows.forEach((tenant, changed) -> {
            Map<String, Viewer> ofTenant = viewers.getOrDefault(tenant, Map.of());
            for (Viewer viewer : ofTenant.values()) {
                if (viewer.stale) {
                    viewer.stale = false; // a change noticed from now on marks it again
                    viewer.supervisor = directory.supervisor(viewer.caller);
                    viewer.busyOnVoice = sessions.liveVoiceOf(tenant, viewer.caller.userId()).isPresent();
                }
            }
            List<String> digital = changed.stream().map(found::get)
                    .filter(i -> i != null && i.tenantId.equals(tenant) && i.channel.isDigital())
                    .map(i -> i.interactionId).toList();
            if (!digital.isEmpty()) {
                positions.put(tenant, readPositions.ofUsers(tenant, ofTenant.keySet(), digital));
            }
        });
        return new Reads(found, monitors, positions);
    }

    /** Per console, in memory: the row as its user sees it, or its removal. */
    private void tell(String tenant, Set<String> ids, Reads reads) {
        Map<String, Viewer> ofTenant = viewers.getOrDefault(tenant, Map.of());
        Map<String, Map<String, Long>> positions = reads.positions().getOrDefault(tenant, Map.of());
        for (String id : ids) {
            InteractionEntity interaction = reads.interactions().get(id);
            boolean shown = interaction != null && interaction.tenantId.equals(tenant) // B06
                    && MonitoringTable.inTable(interaction); // B08, B10
            Delta removed = new Delta(id, null);
            List<SessionEntity> monitors = reads.monitors().getOrDefault(id, List.of());
            Map<MonitoringTable.Row, Delta> alike = new HashMap<>();
            for (Viewer viewer : ofTenant.values()) {
                Supervisor supervisor = viewer.supervisor;
                if (!supervisor.may(PermissionNames.MONITOR_ALL_CALLS)) {
                    continue; // B01, B07: no longer a monitor: told nothing
                }
                Delta delta = removed;
                if (shown) {
                    MonitoringTable.Row row = MonitoringTable.rowAsSeenBy(supervisor, viewer.busyOnVoice, interaction,
                            monitors, positions.getOrDefault(viewer.caller.userId(), Map.of()));
                    delta = alike.computeIfAbsent(row, r -> new Delta(id, r));
                }
                viewer.tell(new RowChanged(delta));
            }
        }
    }
}
