package cc.monitoring.monitor.messaging;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.contracts.transcript.TranscriptRead;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.service.AuditTrail;
import cc.monitoring.monitor.service.LiveUpdates;
import cc.monitoring.monitor.service.SessionLifecycle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.function.Function;

/**
 * Applies incoming events to the read models and, where sessions are concerned, to the session
 * lifecycle. Called inside the consumer's transaction, once per event id.
 */
@ApplicationScoped
public class ReadModels {

    private final EntityManager em;
    private final SessionLifecycle lifecycle;
    private final ObjectMapper json;
    private final LiveUpdates live;
    private final AuditTrail audit;

    public ReadModels(EntityManager em, SessionLifecycle lifecycle, ObjectMapper json, LiveUpdates live, AuditTrail audit) {
        this.em = em;
        this.lifecycle = lifecycle;
        this.json = json;
        this.live = live;
        this.audit = audit;
    }

    public void onInteractionEvent(CloudEvent event) {
        live.tableChanged(event.tenantid(), event.subject()); // the subject of interaction-events is the interaction id
        switch (event.type()) {
            case EventTypes.INTERACTION_STARTED -> started(checked(event, InteractionStarted.class, InteractionStarted::tenantId));
            case EventTypes.PARTICIPANT_JOINED -> joined(checked(event, ParticipantChanged.class, ParticipantChanged::tenantId));
            case EventTypes.PARTICIPANT_LEFT -> left(checked(event, ParticipantChanged.class, ParticipantChanged::tenantId));
            case EventTypes.MESSAGE_POSTED -> messagePosted(checked(event, MessagePosted.class, MessagePosted::tenantId));
            case EventTypes.INTERACTION_ENDED -> ended(checked(event, InteractionEnded.class, InteractionEnded::tenantId));
            default -> { /* a type this version does not know: nothing to do */ }
        }
    }

    public void onPresenceEvent(CloudEvent event) {
        if (!EventTypes.AGENT_LOGGED_IN.equals(event.type()) && !EventTypes.AGENT_LOGGED_OUT.equals(event.type())) {
            return;
        }
        AgentPresenceChanged presence = checked(event, AgentPresenceChanged.class, AgentPresenceChanged::tenantId);
        int changed = em.createNativeQuery("""
                        insert into agent_presence (tenant_id, user_id, logged_in, revision, changed_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (tenant_id, user_id) do update set logged_in = excluded.logged_in,
                            revision = excluded.revision, changed_at = excluded.changed_at
                        where agent_presence.revision < excluded.revision""")
                .setParameter(1, presence.tenantId()).setParameter(2, presence.userId())
                .setParameter(3, presence.loggedIn()).setParameter(4, presence.revision())
                .setParameter(5, presence.at() == null ? java.time.Instant.now() : presence.at())
                .executeUpdate();
        if (changed == 1 && presence.loggedIn()) {
            lifecycle.loggedIntoAgentDesktop(presence.tenantId(), presence.userId());
        }
    }

    /** B11: a user has seen an interaction's transcript up to a position; only forward moves count. */
    public void onTranscriptEvent(CloudEvent event) {
        if (EventTypes.TRANSCRIPT_ACCESS_REFUSED.equals(event.type())) {
            // B41: a refused transcript read (transcript-service refused it) joins the audit trail
            audit.refusedTranscriptRead(checked(event, TranscriptAccessRefused.class, TranscriptAccessRefused::tenantId));
            return;
        }
        if (!EventTypes.TRANSCRIPT_READ.equals(event.type())) {
            return;
        }
        TranscriptRead read = checked(event, TranscriptRead.class, TranscriptRead::tenantId);
        live.tableChanged(read.tenantId(), read.interactionId()); // the reader's new-details dot goes
        em.createNativeQuery("""
                        insert into read_position (tenant_id, user_id, interaction_id, position, read_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (tenant_id, user_id, interaction_id) do update
                            set position = excluded.position, read_at = excluded.read_at
                        where read_position.position < excluded.position""")
                .setParameter(1, read.tenantId()).setParameter(2, read.userId())
                .setParameter(3, read.interactionId()).setParameter(4, read.position())
                .setParameter(5, read.at() == null ? java.time.Instant.now() : read.at())
                .executeUpdate();
        lifecycle.transcriptRead(read.tenantId(), read.userId(), read.interactionId(), read.position(),
                cc.monitoring.monitor.domain.Times.now());
    }

    public void onTelephonyEvent(CloudEvent event) {
        switch (event.type()) {
            case EventTypes.MONITOR_LEG_CONNECTED -> lifecycle.legConnected(checked(event, MonitorLegEvent.class, MonitorLegEvent::tenantId));
            case EventTypes.MONITOR_LEG_FAILED -> lifecycle.legFailed(checked(event, MonitorLegEvent.class, MonitorLegEvent::tenantId));
            case EventTypes.MONITOR_LEG_ENDED -> lifecycle.legEnded(checked(event, MonitorLegEvent.class, MonitorLegEvent::tenantId));
            case EventTypes.MONITOR_LEG_MODE_CHANGED ->
                    lifecycle.legModeChanged(checked(event, MonitorLegEvent.class, MonitorLegEvent::tenantId));
            case EventTypes.MONITOR_LEG_MODE_REFUSED ->
                    lifecycle.legModeRefused(checked(event, MonitorLegEvent.class, MonitorLegEvent::tenantId));
            default -> { /* calls are followed through interaction-events */ }
        }
    }

    private void started(InteractionStarted started) {
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
                .setParameter(11, started.startedAt() == null ? java.time.Instant.now() : started.startedAt())
                .executeUpdate();
    }

    private void joined(ParticipantChanged p) {
        em.createNativeQuery("""
                        insert into participant (interaction_id, participant_id, role, display_name, joined_at)
                        select ?1, ?2, ?3, ?4, ?5 where exists (select 1 from interaction where interaction_id = ?1)
                        on conflict (interaction_id, participant_id) do update set left_at = null, joined_at = excluded.joined_at""")
                .setParameter(1, p.interactionId()).setParameter(2, p.participantId())
                .setParameter(3, p.role() == null ? "CUSTOMER" : p.role().name()).setParameter(4, p.displayName())
                .setParameter(5, p.at() == null ? java.time.Instant.now() : p.at())
                .executeUpdate();
    }

    private void left(ParticipantChanged p) {
        em.createNativeQuery("update participant set left_at = ?3 where interaction_id = ?1 and participant_id = ?2")
                .setParameter(1, p.interactionId()).setParameter(2, p.participantId())
                .setParameter(3, p.at() == null ? java.time.Instant.now() : p.at())
                .executeUpdate();
    }

    private void messagePosted(MessagePosted message) {
        em.createNativeQuery("""
                        update interaction set last_message_seq = ?2, last_message_at = ?3
                        where interaction_id = ?1 and last_message_seq < ?2""")
                .setParameter(1, message.interactionId()).setParameter(2, message.sequence())
                .setParameter(3, message.postedAt() == null ? java.time.Instant.now() : message.postedAt())
                .executeUpdate();
    }

    private void ended(InteractionEnded ended) {
        InteractionEntity interaction = em.find(InteractionEntity.class, ended.interactionId(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (interaction == null || !interaction.isActive()) {
            return;
        }
        interaction.state = InteractionEntity.ENDED;
        interaction.endedAt = ended.endedAt() == null ? java.time.Instant.now() : ended.endedAt();
        lifecycle.interactionEnded(interaction);
    }

    /** The payload, refused as poison when it names another tenant than its envelope (B06). */
    private static <T> T checked(CloudEvent event, Class<T> type, Function<T, String> tenantOf) {
        return EventChecks.dataOf(event, type, tenantOf);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
