package cc.monitoring.interaction.persistence;

import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InteractionFilter;
import cc.monitoring.interaction.domain.Participant;
import cc.monitoring.interaction.domain.ReadScope;
import cc.monitoring.kit.api.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Interactions of a tenant with their participants. Every query is scoped by the tenant. */
@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<InteractionEntity, UUID> {

    public Optional<InteractionEntity> byId(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /**
     * The interaction, locked until the transaction ends: changes to one interaction (messages and their
     * sequences, joins, leaves, the end) happen one at a time, in the order their events are published.
     */
    public Optional<InteractionEntity> lockById(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<InteractionEntity> byCall(String tenantId, String callId) {
        return find("tenantId = ?1 and callId = ?2", tenantId, callId).firstResultOptional();
    }

    /** Newest first; in the {@link ReadScope#MONITORABLE} scope only interactions whose flow's toggle was on. */
    public PanacheQuery<InteractionEntity> ofTenant(String tenantId, ReadScope scope, InteractionFilter filter,
                                                    PageRequest paging) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", tenantId);
        if (scope != ReadScope.ALL) {
            query.append(" and silentMonitoring = true");
        }
        if (filter.state() != null) {
            query.append(" and state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.channel() != null) {
            query.append(" and channel = :channel");
            parameters.and("channel", filter.channel());
        }
        if (filter.agentId() != null) {
            query.append(" and agentId = :agent");
            parameters.and("agent", filter.agentId());
        }
        query.append(" order by startedAt desc, id");
        return find(query.toString(), parameters).page(Page.of(paging.page(), paging.size()));
    }

    /** The participants of several interactions at once, in the order they joined (a rejoin comes again). */
    public Map<UUID, List<Participant>> participantsOf(Collection<UUID> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Map.of();
        }
        List<ParticipantEntity> rows = getEntityManager()
                .createQuery("from ParticipantEntity where key.interactionId in :ids", ParticipantEntity.class)
                .setParameter("ids", interactionIds)
                .getResultList();
        return rows.stream()
                .sorted(Comparator.comparingInt((ParticipantEntity p) -> p.key.position()))
                .collect(Collectors.groupingBy(p -> p.key.interactionId(),
                        Collectors.mapping(InteractionRepository::toDomain, Collectors.toList())));
    }

    public Interaction toDomain(InteractionEntity entity) {
        return toDomain(entity, participantsOf(List.of(entity.id)).getOrDefault(entity.id, List.of()));
    }

    public static Interaction toDomain(InteractionEntity e, List<Participant> participants) {
        return Interaction.restore(e.id, e.tenantId, e.channel, e.flowId, e.flowName, e.silentMonitoring, e.agentId,
                e.agentName, e.customer, e.callId, e.startedAt, participants, e.state, e.lastSequence, e.endedAt, e.endedBy);
    }

    /** Writes the interaction and its participants as they are now. */
    public InteractionEntity save(Interaction interaction) {
        InteractionEntity entity = findByIdOptional(interaction.id()).orElse(null);
        boolean created = entity == null;
        if (created) {
            entity = new InteractionEntity();
            entity.id = interaction.id();
            entity.tenantId = interaction.tenantId();
            entity.channel = interaction.channel();
            entity.flowId = interaction.flowId();
            entity.flowName = interaction.flowName();
            entity.silentMonitoring = interaction.silentMonitoring();
            entity.agentId = interaction.agentId();
            entity.agentName = interaction.agentName();
            entity.customer = interaction.customer();
            entity.callId = interaction.callId();
            entity.startedAt = interaction.startedAt();
        }
        entity.state = interaction.state();
        entity.lastSequence = interaction.lastSequence();
        entity.endedAt = interaction.endedAt();
        entity.endedBy = interaction.endedBy();
        if (created) {
            persist(entity);
        }
        List<Participant> participants = interaction.participants();
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            ParticipantEntity.Key key = new ParticipantEntity.Key(interaction.id(), i + 1);
            ParticipantEntity row = created ? null : getEntityManager().find(ParticipantEntity.class, key);
            if (row == null) {
                row = new ParticipantEntity();
                row.key = key;
                row.participantId = participant.participantId();
                row.role = participant.role();
                row.displayName = participant.displayName();
                row.joinedAt = participant.joinedAt();
                getEntityManager().persist(row);
            }
            row.leftAt = participant.leftAt();
        }
        return entity;
    }

    private static Participant toDomain(ParticipantEntity row) {
        return new Participant(row.participantId, row.role, row.displayName, row.joinedAt, row.leftAt);
    }
}
