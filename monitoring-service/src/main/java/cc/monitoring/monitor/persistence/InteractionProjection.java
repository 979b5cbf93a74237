package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;

/**
 * The interaction read model (interactions and their participants) as interaction-events describe it.
 * Each write is idempotent and ignores what arrives out of order, in the caller's transaction.
 */
@ApplicationScoped
public class InteractionProjection {

    private final EntityManager em;

    public InteractionProjection(EntityManager em) {
        this.em = em;
    }

    public void started(InteractionStarted started) {
        em.createNativeQuery("""
                        insert into interaction (interaction_id, tenant_id, channel, flow_id, flow_name, silent_monitoring,
                            agent_id, agent_name, customer, call_id, state, started_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'ACTIVE', ?11)
                        on conflict (interaction_id) do nothing""")
                .setParameter(1, started.interactionId()).setParameter(2, started.tenantId())
                .setParameter(3, started.channel().name()).setParameter(4, started.flowId())
                .setParameter(5, started.flowName()).setParameter(6, started.silentMonitoring())
                .setParameter(7, started.agentId()).setParameter(8, started.agentName())
                .setParameter(9, started.customer()).setParameter(10, started.callId())
                .setParameter(11, orNow(started.startedAt()))
                .executeUpdate();
    }

    public void joined(ParticipantChanged p) {
        em.createNativeQuery("""
                        insert into participant (interaction_id, participant_id, role, display_name, joined_at)
                        select ?1, ?2, ?3, ?4, ?5 where exists (select 1 from interaction where interaction_id = ?1)
                        on conflict (interaction_id, participant_id) do update set left_at = null, joined_at = excluded.joined_at""")
                .setParameter(1, p.interactionId()).setParameter(2, p.participantId())
                .setParameter(3, p.role() == null ? "CUSTOMER" : p.role().name()).setParameter(4, p.displayName())
                .setParameter(5, orNow(p.at()))
                .executeUpdate();
    }

    public void left(ParticipantChanged p) {
        em.createNativeQuery("update participant set left_at = ?3 where interaction_id = ?1 and participant_id = ?2")
                .setParameter(1, p.interactionId()).setParameter(2, p.participantId())
                .setParameter(3, orNow(p.at()))
                .executeUpdate();
    }

    /** B11: the newest message only moves forward. */
    public void messagePosted(MessagePosted message) {
        em.createNativeQuery("""
                        update interaction set last_message_seq = ?2, last_message_at = ?3
                        where interaction_id = ?1 and last_message_seq < ?2""")
                .setParameter(1, message.interactionId()).setParameter(2, message.sequence())
                .setParameter(3, orNow(message.postedAt()))
                .executeUpdate();
    }

    /**
     * Marks the interaction ended, in one statement that locks its row (a start racing with this waits and
     * then sees the end); when it ended now, empty when it is unknown or ended already.
     */
    public Optional<Instant> ended(InteractionEnded ended) {
        Instant at = orNow(ended.endedAt());
        int changed = em.createNativeQuery("""
                        update interaction set state = 'ENDED', ended_at = ?2
                        where interaction_id = ?1 and state = 'ACTIVE'""")
                .setParameter(1, ended.interactionId()).setParameter(2, at)
                .executeUpdate();
        return changed == 1 ? Optional.of(at) : Optional.empty();
    }

    private static Instant orNow(Instant at) {
        return at == null ? Instant.now() : at;
    }
}
