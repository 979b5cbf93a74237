package cc.monitoring.monitor.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.InteractionNotFoundException;
import cc.monitoring.monitor.domain.MonitorNotPermittedException;
import cc.monitoring.monitor.domain.MonitoringPolicy;
import cc.monitoring.monitor.domain.ReviewPolicy;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import cc.monitoring.monitor.persistence.InteractionRepository.TableCounts;
import cc.monitoring.monitor.persistence.InteractionRepository.TableFilter;
import cc.monitoring.monitor.persistence.ParticipantEntity;
import cc.monitoring.monitor.persistence.ReadPositionRepository;
import cc.monitoring.monitor.persistence.SessionEntity;
import cc.monitoring.monitor.persistence.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Interaction Monitoring table (B10, B12, B13) and an interaction's details view (B32). */
@ApplicationScoped
@Transactional
public class MonitoringTable {

    /**
     * A row and the people monitoring it now; {@code whyNotMonitor} is empty when Monitor can be used (B52);
     * {@code newDetails}: a digital interaction has messages the caller has not seen yet (B11).
     */
    public record Row(InteractionEntity interaction, List<SessionEntity> monitors, Optional<String> whyNotMonitor,
                      boolean newDetails, Optional<String> whyNotReview) {
    }

    /**
     * One page of rows; {@code total} rows match every filter; {@code counts} every filter but the state (B13);
     * {@code next} the cursor of the page after it (null on the last page; B12).
     */
    public record Page(List<Row> rows, int page, int size, boolean hasMore, long total, TableCounts counts,
                       String next) {
    }

    public record Details(Row row, List<ParticipantEntity> participants) {
    }

    private final Directory directory;
    private final InteractionRepository interactions;
    private final SessionRepository sessions;

    private final ReadPositionRepository readPositions;
    private final AuditTrail audit;
    private final TableCountsCache countsCache;

    public MonitoringTable(Directory directory, InteractionRepository interactions, SessionRepository sessions,
                           ReadPositionRepository readPositions, AuditTrail audit, TableCountsCache countsCache) {
        this.countsCache = countsCache;
        this.directory = directory;
        this.interactions = interactions;
        this.sessions = sessions;
        this.readPositions = readPositions;
        this.audit = audit;
    }

    /** Page number {@code page} of the table (B12; the console's pages and links). */
    public Page page(Caller caller, TableFilter filter, int page, int size) {
        Supervisor supervisor = requireMonitor(caller, AuditTrail.Action.READ_TABLE, null);
        return page(caller, supervisor, filter, page, size, interactions.table(caller.tenantId(), filter, page, size));
    }

    /**
     * The page after {@code cursor} (a page's {@code next}; B12 keyset pages, as fast at any depth): refused
     * unless given out for this tenant, filter and sort ({@link TableCursors}). Its {@code page} is -1: unknown.
     */
    public Page after(Caller caller, TableFilter filter, String cursor, int size) {
        Supervisor supervisor = requireMonitor(caller, AuditTrail.Action.READ_TABLE, null);
        InteractionRepository.TablePosition after = TableCursors.decode(caller.tenantId(), filter, cursor);
        return page(caller, supervisor, filter, -1, size, interactions.tableAfter(caller.tenantId(), filter, after, size));
    }

    private Page page(Caller caller, Supervisor supervisor, TableFilter filter, int page, int size,
                      List<InteractionEntity> found) {
        TableCounts counts = countsCache.counts(caller.tenantId(), filter,
                () -> interactions.tableCounts(caller.tenantId(), filter));
        boolean hasMore = found.size() > size;
        List<InteractionEntity> rows = hasMore ? found.subList(0, size) : found;
        String next = hasMore ? TableCursors.encode(caller.tenantId(), filter,
                InteractionRepository.TablePosition.of(rows.get(rows.size() - 1), filter.sort())) : null;
        return new Page(rows(caller, supervisor, rows), page, size, hasMore, total(filter, counts), counts, next);
    }

    /** The rows of {@code interactions} as {@code supervisor} sees them: monitors, Monitor button, red dot. */
    List<Row> rows(Caller caller, Supervisor supervisor, List<InteractionEntity> rows) {
        Map<String, List<SessionEntity>> monitors = sessions.liveOnInteractions(
                        rows.stream().map(i -> i.interactionId).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.interactionId));
        boolean busyOnVoice = sessions.liveVoiceOf(caller.tenantId(), caller.userId()).isPresent();
        Map<String, Long> read = readPositions.of(caller.tenantId(), caller.userId(),
                rows.stream().filter(i -> i.channel.isDigital()).map(i -> i.interactionId).toList());
        return rows.stream().map(i -> {
            List<SessionEntity> on = monitors.getOrDefault(i.interactionId, List.of());
            return new Row(i, on, whyNot(supervisor, i, busyOnVoice, on), hasNewDetails(i, read),
                    ReviewPolicy.whyNot(supervisor, i.toDomain(), i.monitored));
        }).toList();
    }

    private static long total(TableFilter filter, TableCounts counts) {
        if (filter.state() == null) {
            return counts.active() + counts.previouslyMonitored();
        }
        return InteractionEntity.ACTIVE.equals(filter.state()) ? counts.active() : counts.previouslyMonitored();
    }

    public Details details(Caller caller, String interactionId) {
        Supervisor supervisor = requireMonitor(caller, AuditTrail.Action.READ_DETAILS, interactionId);
        InteractionEntity interaction = interactions.findByIdOptional(interactionId)
                .filter(i -> i.tenantId.equals(caller.tenantId()) && i.silentMonitoring)
                .orElseThrow(InteractionNotFoundException::new);
        List<ParticipantEntity> participants = ParticipantEntity.list(
                "key.interactionId = ?1 and leftAt is null order by joinedAt", interactionId);
        return new Details(rows(caller, supervisor, List.of(interaction)).get(0), participants);
    }

    private static boolean hasNewDetails(InteractionEntity interaction, Map<String, Long> readPositions) {
        return interaction.channel.isDigital()
                && interaction.lastMessageSeq > readPositions.getOrDefault(interaction.interactionId, 0L);
    }

    /** B01; a refused read is audited (B41). */
    Supervisor requireMonitor(Caller caller, AuditTrail.Action read, String interactionId) {
        Supervisor supervisor = directory.supervisor(caller);
        if (!supervisor.may(PermissionNames.MONITOR_ALL_CALLS)) {
            MonitorNotPermittedException refusal = new MonitorNotPermittedException();
            audit.refused(caller, read, interactionId, null, refusal.type());
            throw refusal;
        }
        return supervisor;
    }

    private static Optional<String> whyNot(Supervisor supervisor, InteractionEntity interaction, boolean busyOnVoice,
                                           List<SessionEntity> monitors) {
        boolean mine = monitors.stream().anyMatch(s -> s.supervisorId.equals(supervisor.userId()));
        return MonitoringPolicy.whyNot(supervisor, interaction.toDomain(),
                busyOnVoice && interaction.channel == Channel.VOICE, mine);
    }

    /**
     * B51: whether {@code interaction} is a row of its tenant's table at all (B03/B08: its flow has Silent
     * Monitoring on; B10: active, or previously monitored); a row that is not is sent to consoles as a removal.
     */
    static boolean inTable(InteractionEntity interaction) {
        return interaction.silentMonitoring && (interaction.isActive() || interaction.monitored);
    }

    /**
     * B51: one row as {@code supervisor} sees it, from what was read once for every console (the interaction, its
     * live monitors, how far this supervisor has read it): the same row as {@link #page} gives them (B11, B52).
     */
    static Row rowAsSeenBy(Supervisor supervisor, boolean busyOnVoice, InteractionEntity interaction,
                           List<SessionEntity> monitors, Map<String, Long> readPositions) {
        return new Row(interaction, monitors, whyNot(supervisor, interaction, busyOnVoice, monitors),
                hasNewDetails(interaction, readPositions), ReviewPolicy.whyNot(supervisor, interaction.toDomain(),
                interaction.monitored));
    }
}
