package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<InteractionEntity, String> {

    /** Filters of the monitoring table (B12). Null means "any". */
    public record TableFilter(String state, Channel channel, String agent) {
    }

    /** The interaction, locked so that a start and the interaction's end cannot interleave. */
    public Optional<InteractionEntity> lockOf(String interactionId) {
        return Optional.ofNullable(getEntityManager().find(InteractionEntity.class, interactionId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of the monitoring table: the tenant's monitorable interactions that are active or
     * were monitored before (B10), newest first. Served by the partial index {@code interaction_table}.
     */
    public List<InteractionEntity> table(String tenantId, TableFilter filter, int page, int size) {
        StringBuilder query = new StringBuilder(
                "tenantId = :tenant and silentMonitoring = true and (state = 'ACTIVE' or monitored = true)");
        Parameters params = Parameters.with("tenant", tenantId);
        if (filter.state() != null) {
            query.append(" and state = :state");
            params.and("state", filter.state());
        }
        if (filter.channel() != null) {
            query.append(" and channel = :channel");
            params.and("channel", filter.channel());
        }
        if (filter.agent() != null) {
            query.append(" and (agentId = :agent or lower(agentName) like :agentName)");
            params.and("agent", filter.agent()).and("agentName", "%" + filter.agent().toLowerCase() + "%");
        }
        return find(query + " order by startedAt desc, interactionId", params).range(page * size, page * size + size).list();
    }
}
