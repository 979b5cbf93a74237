package cc.monitoring.monitor.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.persistence.AgentBoardRepository;
import cc.monitoring.monitor.persistence.AgentBoardRepository.AgentCounts;
import cc.monitoring.monitor.persistence.AgentBoardRepository.AgentEntry;
import cc.monitoring.monitor.persistence.InteractionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agents view beside the table (issue 14): the tenant's agents with their state, from agent presence and
 * live interactions, and their current interactions as table rows. For monitors only (B01); after-call work
 * is not modelled (no event says it).
 */
@ApplicationScoped
@Transactional
public class AgentBoard {

    public enum AgentState { ON_INTERACTION, AVAILABLE }

    /** {@code since}: start of the oldest current interaction, else the desktop login. */
    public record Agent(String agentId, String agentName, AgentState state, boolean loggedIn, Instant since,
                        List<MonitoringTable.Row> interactions) {
    }

    public record Page(List<Agent> agents, int page, int size, boolean hasMore, AgentCounts counts) {
    }

    private final MonitoringTable table;
    private final AgentBoardRepository agents;

    public AgentBoard(MonitoringTable table, AgentBoardRepository agents) {
        this.table = table;
        this.agents = agents;
    }

    public Page page(Caller caller, int page, int size) {
        Supervisor supervisor = table.requireMonitor(caller, AuditTrail.Action.READ_AGENTS, null);
        List<AgentEntry> found = agents.page(caller.tenantId(), page, size);
        boolean hasMore = found.size() > size;
        List<AgentEntry> entries = hasMore ? found.subList(0, size) : found;
        List<InteractionEntity> live = agents.liveInteractionsOf(caller.tenantId(),
                entries.stream().filter(e -> e.liveSince() != null).map(AgentEntry::agentId).toList());
        Map<String, List<MonitoringTable.Row>> byAgent = table.rows(caller, supervisor, live).stream()
                .collect(Collectors.groupingBy(r -> r.interaction().agentId));
        List<Agent> board = entries.stream().map(e -> new Agent(e.agentId(), e.agentName(),
                e.liveSince() != null ? AgentState.ON_INTERACTION : AgentState.AVAILABLE, e.loggedIn(),
                e.liveSince() != null ? e.liveSince() : e.loggedInAt(),
                byAgent.getOrDefault(e.agentId(), List.of()))).toList();
        return new Page(board, page, size, hasMore, agents.counts(caller.tenantId()));
    }
}
