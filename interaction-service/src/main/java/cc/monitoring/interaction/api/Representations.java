package cc.monitoring.interaction.api;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.interaction.domain.AgentPresence;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InteractionState;
import cc.monitoring.interaction.domain.Message;
import cc.monitoring.interaction.domain.Participant;
import cc.monitoring.interaction.persistence.FlowEntity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of interaction-service, and their mapping from the domain and entities. */
final class Representations {

    private Representations() {
    }

    record FlowBody(String id, String name, boolean silentMonitoring, Instant updatedAt) {
        static FlowBody of(FlowEntity flow) {
            return new FlowBody(flow.key.flowId(), flow.name, flow.silentMonitoring, flow.updatedAt);
        }
    }

    /** {@code silentMonitoring} is a Boolean so that a missing one is refused, not read as false. */
    record PutFlow(String name, Boolean silentMonitoring) {
    }

    record ParticipantBody(String participantId, ParticipantRole role, String displayName, Instant joinedAt,
                           Instant leftAt) {
        static ParticipantBody of(Participant p) {
            return new ParticipantBody(p.participantId(), p.role(), p.displayName(), p.joinedAt(), p.leftAt());
        }
    }

    record InteractionBody(UUID id, Channel channel, InteractionState state, String flowId, String flowName,
                           boolean silentMonitoring, String agentId, String agentName, String customer, String callId,
                           Instant startedAt, Instant endedAt, String endedBy, long lastSequence,
                           List<ParticipantBody> participants) {
        static InteractionBody of(Interaction i) {
            return new InteractionBody(i.id(), i.channel(), i.state(), i.flowId(), i.flowName(), i.silentMonitoring(),
                    i.agentId(), i.agentName(), i.customer(), i.callId(), i.startedAt(), i.endedAt(), i.endedBy(),
                    i.lastSequence(), i.participants().stream().map(ParticipantBody::of).toList());
        }
    }

    /** What the channel platform sends to open a conversation; checked by the domain, so plain strings. */
    record StartConversation(String channel, String flowId, String customer, String customerName, String agentId,
                             String agentName) {
    }

    /** {@code authorId} may be left out: the conversation's customer, or its agent. */
    record PostMessage(String authorRole, String authorId, String text) {
    }

    /** Another agent joins; {@code role} may be left out (AGENT is the only one that joins). */
    record AddParticipant(String participantId, String displayName, String role) {
    }

    record EndConversation(String by) {
    }

    record MessageBody(UUID messageId, UUID interactionId, long sequence, ParticipantRole authorRole, String authorId,
                       String authorName, String text, Instant postedAt) {
        static MessageBody of(UUID interactionId, Message m) {
            return new MessageBody(m.messageId(), interactionId, m.sequence(), m.authorRole(), m.authorId(),
                    m.authorName(), m.text(), m.postedAt());
        }
    }

    /** The caller's agent-desktop state; {@code changedAt} is null if they never logged in. */
    record SessionBody(String userId, boolean loggedIn, long revision, Instant changedAt) {
        static SessionBody of(AgentPresence presence) {
            return new SessionBody(presence.userId(), presence.loggedIn(), presence.revision(), presence.changedAt());
        }
    }
}
