package cc.monitoring.interaction.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InteractionChange;
import cc.monitoring.interaction.domain.Message;
import cc.monitoring.interaction.domain.Participant;
import cc.monitoring.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Announces an interaction's changes on {@code interaction-events}, keyed by the interaction id so
 * that they stay in order, through the outbox (same transaction as the change).
 */
@ApplicationScoped
public class InteractionEventsPublisher {

    static final String SOURCE = "/interaction-service";

    private final OutboxWriter outbox;

    public InteractionEventsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Publishes what happened to {@code interaction} since its changes were last drained, in order. */
    public void publishChanges(Interaction interaction) {
        List<InteractionChange> changes = interaction.drainChanges();
        for (InteractionChange change : changes) {
            if (change instanceof InteractionChange.Started started) {
                publish(interaction, EventTypes.INTERACTION_STARTED, started(started.interaction()));
            } else if (change instanceof InteractionChange.Joined joined) {
                publish(interaction, EventTypes.PARTICIPANT_JOINED,
                        participant(interaction, joined.participant(), joined.participant().joinedAt()));
            } else if (change instanceof InteractionChange.Left left) {
                publish(interaction, EventTypes.PARTICIPANT_LEFT,
                        participant(interaction, left.participant(), left.participant().leftAt()));
            } else if (change instanceof InteractionChange.Posted posted) {
                publish(interaction, EventTypes.MESSAGE_POSTED, message(interaction, posted.message()));
            } else if (change instanceof InteractionChange.Ended ended) {
                publish(interaction, EventTypes.INTERACTION_ENDED, new InteractionEnded(interaction.tenantId(),
                        interaction.id().toString(), interaction.channel(), EndedBy.valueOf(ended.interaction().endedBy()),
                        ended.interaction().endedAt()));
            }
        }
    }

    private static InteractionStarted started(Interaction i) {
        return new InteractionStarted(i.tenantId(), i.id().toString(), i.channel(), i.flowId(), i.flowName(),
                i.silentMonitoring(), i.agentId(), i.agentName(), i.customer(), i.callId(), i.startedAt());
    }

    private static ParticipantChanged participant(Interaction i, Participant p, java.time.Instant at) {
        return new ParticipantChanged(i.tenantId(), i.id().toString(), p.participantId(), p.role(), p.displayName(), at);
    }

    private static MessagePosted message(Interaction i, Message m) {
        return new MessagePosted(i.tenantId(), i.id().toString(), m.messageId().toString(), m.sequence(), m.authorRole(),
                m.authorId(), m.authorName(), m.text(), m.postedAt());
    }

    private void publish(Interaction interaction, String type, Object data) {
        String id = interaction.id().toString();
        outbox.append(Topics.INTERACTION_EVENTS, id, CloudEvent.of(type, SOURCE, interaction.tenantId(), id, data));
    }
}
