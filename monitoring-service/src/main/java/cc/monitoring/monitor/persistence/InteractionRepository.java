package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<InteractionEntity, String> {

    /**
     * Filters of the monitoring table (B12). Null means "any"; {@code agent} is an agent's id (exactly; their name
     * is found with {@code q}); {@code q} is a case-insensitive substring of the customer or the agent's name or id;
     * {@code sort} never null.
     */
    public record TableFilter(String state, Channel channel, String agent, String q, TableSort sort) {
        public TableFilter(String state, Channel channel, String agent) {
            this(state, channel, agent, null, TableSort.NEWEST_FIRST);
        }

        TableFilter withoutState() {
            return new TableFilter(null, channel, agent, q, sort);
        }

        /** Whether the filter lets rows of the live group (true) or of the previously monitored group through. */
        boolean admits(boolean live) {
            return state == null || InteractionEntity.ACTIVE.equals(state) == live;
        }
    }

    /**
     * The orders of the monitoring table within its live and previously monitored groups (B13), each with its
     * name in the API ({@code -} for descending); ties are broken by the start and the interaction id in the same
     * direction. A missing agent name or customer sorts as empty text. Each order is one index of V6/V7 read
     * forwards or backwards within a group.
     */
    public enum TableSort {
        OLDEST_FIRST("startedAt", null, false),
        NEWEST_FIRST("-startedAt", null, true),
        AGENT("agentName", "coalesce(agent_name, '')", false),
        AGENT_DESC("-agentName", "coalesce(agent_name, '')", true),
        CUSTOMER("customer", "coalesce(customer, '')", false),
        CUSTOMER_DESC("-customer", "coalesce(customer, '')", true),
        CHANNEL("channel", "channel", false),
        CHANNEL_DESC("-channel", "channel", true);

        private final String apiName;
        private final String key;
        private final boolean descending;

        TableSort(String apiName, String key, boolean descending) {
            this.apiName = apiName;
            this.key = key;
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

        /** Whether the order has a key of its own before the start time (its value is part of a position). */
        public boolean hasKey() {
            return key != null;
        }

        /** {@code interaction}'s value of this order's key as the order compares it; null for the start-time orders. */
        public String keyOf(InteractionEntity interaction) {
            return switch (this) {
                case OLDEST_FIRST, NEWEST_FIRST -> null;
                case AGENT, AGENT_DESC -> interaction.agentName == null ? "" : interaction.agentName;
                case CUSTOMER, CUSTOMER_DESC -> interaction.customer == null ? "" : interaction.customer;
                case CHANNEL, CHANNEL_DESC -> interaction.channel.name();
            };
        }

        /** The order within one group. */
        String orderBy() {
            String direction = descending ? " desc" : " asc";
            return (key == null ? "" : key + direction + ", ") + "started_at" + direction + ", interaction_id" + direction;
        }

        /** Rows after the position {@code :afterKey, :afterStarted, :afterId} in this order: an index range. */
        String after() {
            String columns = (key == null ? "" : key + ", ") + "started_at, interaction_id";
            String values = (key == null ? "" : ":afterKey, ") + ":afterStarted, :afterId";
            return "(" + columns + ") " + (descending ? "<" : ">") + " (" + values + ")";
        }
    }

    /** How many rows of the table are live and how many previously monitored (B13). */
    public record TableCounts(long active, long previouslyMonitored) {
    }

    /**
     * A row's place in the table's order (B12, keyset pages): its group, its value of the sort's key (null for the
     * start-time sorts), its start and its id. A keyset page starts right after it.
     */
    public record TablePosition(boolean live, String key, Instant startedAt, String interactionId) {

        public static TablePosition of(InteractionEntity interaction, TableSort sort) {
            return new TablePosition(InteractionEntity.ACTIVE.equals(interaction.state), sort.keyOf(interaction),
                    interaction.startedAt, interaction.interactionId);
        }
    }

    /** The interaction, locked so that a start and the interaction's end cannot interleave. */
    public Optional<InteractionEntity> lockOf(String interactionId) {
        return Optional.ofNullable(getEntityManager().find(InteractionEntity.class, interactionId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * One page of the monitoring table by its number (plus one row, to tell whether there is more): the tenant's
     * monitorable interactions that are active or were monitored before (B10), every active one before every
     * ended one (B13), then in the filter's sort. Each group is an index range (V6, V7); a deep page still skips
     * {@code page * size} index entries: {@link #tableAfter} does not.
     */
    public List<InteractionEntity> table(String tenantId, TableFilter filter, int page, int size) {
        long offset = (long) page * size;
        List<InteractionEntity> rows = new ArrayList<>();
        if (filter.admits(true)) {
            rows.addAll(group(tenantId, filter, true, null, offset, size + 1));
            if (rows.isEmpty() && offset > 0) {
                offset -= countGroup(tenantId, filter, true); // the page lies beyond the live rows
            } else {
                offset = 0;
            }
        }
        if (rows.size() <= size && filter.admits(false)) {
            rows.addAll(group(tenantId, filter, false, null, Math.max(offset, 0), size + 1 - rows.size()));
        }
        return rows;
    }

    /**
     * The page of the monitoring table right after {@code after} (the first page when null), plus one row: the
     * same order as {@link #table}, read from an index range whatever the depth (keyset pagination, B12).
     */
    public List<InteractionEntity> tableAfter(String tenantId, TableFilter filter, TablePosition after, int size) {
        List<InteractionEntity> rows = new ArrayList<>();
        boolean fromLive = after == null || after.live();
        if (fromLive && filter.admits(true)) {
            rows.addAll(group(tenantId, filter, true, after, 0, size + 1));
        }
        if (rows.size() <= size && filter.admits(false)) {
            rows.addAll(group(tenantId, filter, false, fromLive ? null : after, 0, size + 1 - rows.size()));
        }
        return rows;
    }

    /** Rows of one group (live or previously monitored) in the filter's sort, after {@code after} if given. */
    @SuppressWarnings("unchecked")
    private List<InteractionEntity> group(String tenantId, TableFilter filter, boolean live, TablePosition after,
                                          long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select * from interaction where ")
                .append(tableWhere(tenantId, filter, params)).append(groupCondition(live));
        if (after != null) {
            sql.append(" and ").append(filter.sort().after());
            if (filter.sort().hasKey()) {
                params.put("afterKey", after.key());
            }
            params.put("afterStarted", after.startedAt());
            params.put("afterId", after.interactionId());
        }
        sql.append(" order by ").append(filter.sort().orderBy()).append(" limit :limit");
        if (offset > 0) {
            sql.append(" offset :offset");
            params.put("offset", offset);
        }
        Query query = getEntityManager().createNativeQuery(sql.toString(), InteractionEntity.class);
        params.forEach(query::setParameter);
        return query.setParameter("limit", limit).getResultList();
    }

    private long countGroup(String tenantId, TableFilter filter, boolean live) {
        Map<String, Object> params = new HashMap<>();
        Query query = getEntityManager().createNativeQuery("select count(*) from interaction where "
                + tableWhere(tenantId, filter, params) + groupCondition(live));
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * The group as the indexes of V6/V7 hold it, their second column. {@code is true}/{@code is false}, because
     * PostgreSQL rewrites {@code = false} to {@code state <> 'ACTIVE'}, which no longer matches the index.
     */
    private static String groupCondition(boolean live) {
        return live ? " and (state = 'ACTIVE') is true" : " and (state = 'ACTIVE') is false";
    }

    /**
     * B13: live and previously monitored rows matching every filter but the state, in one grouped count (an
     * index-only scan of interaction_live_counts without the agent or q filters).
     */
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
            where.append(" and agent_id = :agent");
            params.put("agent", filter.agent());
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
