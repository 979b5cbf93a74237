package cc.monitoring.interaction.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.interaction.domain.ConversationInput;
import cc.monitoring.interaction.domain.Flow;
import cc.monitoring.interaction.domain.Ids;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InteractionNotFoundException;
import cc.monitoring.interaction.domain.InvalidConversationException;
import cc.monitoring.interaction.domain.Message;
import cc.monitoring.interaction.messaging.out.InteractionEventsPublisher;
import cc.monitoring.interaction.persistence.InteractionRepository;
import cc.monitoring.interaction.persistence.MessageRepository;
import cc.monitoring.kit.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Digital conversations (chat, SMS, messaging) as the channel platform reports them over REST, on the
 * same {@link Interaction} as voice calls. Each use case locks the interaction row, applies the domain
 * rule and writes the change with its events to the outbox in one transaction; a refusal writes nothing.
 * The caller must hold {@code HANDLE_CONVERSATIONS} (the channel platform's account) in the effective permissions
 * permission-service published for them — never taken from the token — checked before anything else, so that a
 * monitor cannot post into a conversation it follows (B30); and an identity with a live monitoring session on a
 * conversation cannot write into it even if it holds that permission (B35). The tenant comes from the token.
 */
@ApplicationScoped
@Transactional
public class ConversationService {

    private final InteractionRepository interactions;
    private final MessageRepository messages;
    private final FlowService flows;
    private final InteractionEventsPublisher events;
    private final CallerGrants permissions;
    private final LiveMonitors monitors;

    public ConversationService(InteractionRepository interactions, MessageRepository messages, FlowService flows,
                               InteractionEventsPublisher events, CallerGrants permissions, LiveMonitors monitors) {
        this.interactions = interactions;
        this.messages = messages;
        this.flows = flows;
        this.events = events;
        this.permissions = permissions;
        this.monitors = monitors;
    }

    /** Refuses (403 {@code conversation-not-permitted}) a caller who does not hold HANDLE_CONVERSATIONS. */
    public void requireHandling(Caller caller) {
        permissions.of(caller).requireConversationHandling();
    }

    /**
     * Refuses a caller who may not write into this conversation: without HANDLE_CONVERSATIONS (403
     * {@code conversation-not-permitted}), or with a live monitoring session on it, whatever their role (403
     * {@code monitor-may-not-write}, B35). Both come before the body's fields and the conversation's state.
     */
    public void requireWriting(Caller caller, String id) {
        requireHandling(caller);
        monitors.requireNotMonitoring(caller, id);
    }

    public record Start(String channel, String flowId, String customer, String customerName, String agentId,
                        String agentName) {
    }

    /** A conversation starts on a flow, with the flow's toggle as it is now (B03); the agent and the customer join. */
    public Interaction start(Caller caller, Start request) {
        requireHandling(caller);
        Channel channel = ConversationInput.channel(request.channel());
        String flowId = ConversationInput.flowId(request.flowId());
        String customer = ConversationInput.id(request.customer(), "customer");
        String customerName = ConversationInput.name(request.customerName(), "customerName");
        String agentId = ConversationInput.id(request.agentId(), "agentId");
        String agentName = ConversationInput.name(request.agentName(), "agentName");
        Flow flow = flows.forNewInteraction(caller.tenantId(), flowId);
        Interaction interaction = Interaction.startConversation(UUID.randomUUID(), caller.tenantId(), channel, flow,
                agentId, agentName, customer, customerName, now());
        interactions.save(interaction);
        events.publishChanges(interaction);
        return interaction;
    }

    /** The next message of the conversation, numbered under the interaction's row lock. */
    public Message post(Caller caller, String id, String authorRole, String authorId, String text) {
        requireWriting(caller, id);
        ParticipantRole role = ConversationInput.role(authorRole, "authorRole");
        String author = ConversationInput.optionalId(authorId, "authorId");
        Message.checkText(text);
        Interaction interaction = locked(caller, id);
        Message message = interaction.post(UUID.randomUUID(), role, author, text, now());
        messages.add(interaction.id(), message);
        interactions.save(interaction);
        events.publishChanges(interaction);
        return message;
    }

    public record Joined(Interaction interaction, boolean changed) {
    }

    /** Another agent joins; an agent already on the conversation changes nothing. */
    public Joined join(Caller caller, String id, String participantId, String displayName, String role) {
        requireWriting(caller, id);
        String agentId = ConversationInput.id(participantId, "participantId");
        String name = ConversationInput.name(displayName, "displayName");
        if (role != null && ConversationInput.role(role, "role") != ParticipantRole.AGENT) {
            throw new InvalidConversationException("Only agents join a conversation; \"role\" is AGENT");
        }
        Interaction interaction = locked(caller, id);
        boolean joined = interaction.joinAgent(agentId, name, now());
        apply(interaction);
        return new Joined(interaction, joined);
    }

    /** An agent leaves; the last agent cannot (the conversation is ended instead). */
    public Interaction leave(Caller caller, String id, String participantId) {
        requireWriting(caller, id);
        Ids.checkPath(participantId, "participantId");
        Interaction interaction = locked(caller, id);
        interaction.leave(participantId, now());
        apply(interaction);
        return interaction;
    }

    /** The agent or the customer ends the conversation; ending an ended one changes nothing. */
    public Interaction end(Caller caller, String id, String by) {
        requireWriting(caller, id);
        ParticipantRole ender = ConversationInput.role(by, "by");
        Interaction interaction = locked(caller, id);
        if (interaction.endConversation(ender, now())) {
            apply(interaction);
        }
        return interaction;
    }

    private void apply(Interaction interaction) {
        interactions.save(interaction);
        events.publishChanges(interaction);
    }

    /** Another tenant's interaction, or an id that is not one, is not found (B06). */
    private Interaction locked(Caller caller, String id) {
        UUID uuid = InteractionService.parseId(id);
        return interactions.lockById(caller.tenantId(), uuid).map(interactions::toDomain)
                .orElseThrow(() -> new InteractionNotFoundException(id));
    }

    /** PostgreSQL keeps microseconds: what is published is what is read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
