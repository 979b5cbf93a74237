package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<InteractionEntity, String> {

    /**
     * Filters of the monitoring table (B12). Null means "any"; {@code q} is a case-insensitive substring of the
     * customer or the agent's name or id; {@code sort} never null.
     */
    public record TableFilter(String state, Channel channel, String agent, String q, TableSort sort) {
        public TableFilter(String state, Channel channel, String agent) {
            this(state, channel, agent, null, TableSort.NEWEST_FIRST);
        }

        TableFilter withoutState() {
            return new TableFilter(null, channel, agent, q, sort);
        }
    }

    /**
     * The orders of the monitoring table within its live and previously monitored groups (B13), each with its
     * name in the API ({@code -} for descending); ties are broken by the interaction id in the same direction.
     */
    public enum TableSort {
        OLDEST_FIRST("startedAt", "started_at", false),
        NEWEST_FIRST("-startedAt", "started_at", true),
        AGENT("agentName", "agent_name", false),
        AGENT_DESC("-agentName", "agent_name", true),
        CUSTOMER("customer", "customer", false),
        CUSTOMER_DESC("-customer", "customer", true),
        CHANNEL("channel", "channel", false),
        CHANNEL_DESC("-channel", "channel", true);

        private final String apiName;
        private final String column;
        private final boolean descending;

        TableSort(String apiName, String column, boolean descending) {
            this.apiName = apiName;
            this.column = column;
            this.descending = descending;
        }

        public String apiName() {
            return apiName;
        }

        /** The sort of that API name, if there is one. */
        public static Optional<TableSort> of(String apiName) {
            for (TableSort sort : values()) {
                if (sort.apiName.equals(apiName)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }

        String orderBy() {
            String direction = descending ? " desc" : " asc";
            String key = column.equals("started_at") ? "" : column + direction + " nulls last, ";
            // started_at (and the id) break ties in the sort's direction: served by the indexes of V6
            return "(state = 'ACTIVE') desc, " + key + "started_at" + direction + ", interaction_id" + direction;
        }
    }

    /** How many rows of the table are live and how many previously monitored (B13). */
    public record TableCounts(long active, long previouslyMonitored) {
    }

    /** The interaction, locked so that a start and the interaction's end cannot interleave. */
    public Optional<InteractionEntity> lockOf(String interactionId) {
        return Optional.ofNullable(getEntityManager().find(InteractionEntity.class, interactionId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of the monitoring table (plus one row, to tell whether there is more): the tenant's monitorable
     * interactions that are active or were monitored before (B10), every active one before every ended one
     * (B13), then in the filter's sort. Served by the partial indexes {@code interaction_live_first*} (V6).
     */
    @SuppressWarnings("unchecked")
    public List<InteractionEntity> table(String tenantId, TableFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = tableWhere(tenantId, filter, params);
        Query query = getEntityManager().createNativeQuery("select * from interaction where " + where
                + " order by " + filter.sort().orderBy() + " limit :limit offset :offset", InteractionEntity.class);
        params.forEach(query::setParameter);
        return query.setParameter("limit", size + 1).setParameter("offset", (long) page * size).getResultList();
    }

    /** B13: live and previously monitored rows matching every filter but the state, in one grouped count. */
    public TableCounts tableCounts(String tenantId, TableFilter filter) {
        Map<String, Object> params = new HashMap<>();
        Query query = getEntityManager().createNativeQuery("select (state = 'ACTIVE') as live, count(*) from interaction where "
                + tableWhere(tenantId, filter.withoutState(), params) + " group by (state = 'ACTIVE')");
        params.forEach(query::setParameter);
        long active = 0;
        long ended = 0;
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            if (Boolean.TRUE.equals(columns[0])) {
                active = ((Number) columns[1]).longValue();
            } else {
                ended = ((Number) columns[1]).longValue();
            }
        }
        return new TableCounts(active, ended);
    }

    private static String tableWhere(String tenantId, TableFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(
                "tenant_id = :tenant and silent_monitoring and (state = 'ACTIVE' or monitored)");
        params.put("tenant", tenantId);
        if (filter.state() != null) {
            where.append(" and state = :state");
            params.put("state", filter.state());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.agent() != null) {
            where.append(" and (agent_id = :agent or lower(agent_name) like :agentName escape '\\')");
            params.put("agent", filter.agent());
            params.put("agentName", contains(filter.agent()));
        }
        if (filter.q() != null) {
            where.append(" and (lower(customer) like :q escape '\\' or lower(agent_name) like :q escape '\\'"
                    + " or lower(agent_id) like :q escape '\\')");
            params.put("q", contains(filter.q()));
        }
        return where.toString();
    }

    /** A LIKE pattern matching {@code text} anywhere, case-insensitively, with its wildcards taken literally. */
    private static String contains(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
