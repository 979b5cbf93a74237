package cc.monitoring.interaction.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.interaction.domain.Flow;
import cc.monitoring.interaction.domain.Ids;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InteractionFilter;
import cc.monitoring.interaction.domain.InteractionNotFoundException;
import cc.monitoring.interaction.domain.Message;
import cc.monitoring.interaction.domain.Participant;
import cc.monitoring.interaction.domain.ReadScope;
import cc.monitoring.interaction.messaging.out.InteractionEventsPublisher;
import cc.monitoring.interaction.persistence.EarlyCallEndEntity;
import cc.monitoring.interaction.persistence.EarlyCallEndRepository;
import cc.monitoring.interaction.persistence.InteractionEntity;
import cc.monitoring.interaction.persistence.InteractionRepository;
import cc.monitoring.interaction.persistence.MessageRepository;
import cc.monitoring.kit.api.PageOf;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.api.PageRequest;
import cc.monitoring.interaction.domain.InvalidQueryException;
import cc.monitoring.interaction.domain.MessagesAfter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Interactions of every channel: voice ones follow the telephony gateway's calls (digital ones the
 * channel platform, see {@link ConversationService}); every change is published on interaction-events
 * in the same transaction. Reading is for the channel platform (everything of its tenant) and administrators
 * (monitorable interactions only, no message text) of the caller's tenant; monitors read through
 * monitoring-service and transcript-service (B08, B34).
 */
@ApplicationScoped
@Transactional
public class InteractionService {

    private static final Logger LOG = Logger.getLogger(InteractionService.class);

    private final InteractionRepository interactions;
    private final EarlyCallEndRepository earlyEnds;
    private final FlowService flows;
    private final CallerGrants permissions;
    private final InteractionEventsPublisher events;
    private final MessageRepository messages;

    public InteractionService(InteractionRepository interactions, EarlyCallEndRepository earlyEnds, FlowService flows,
                              CallerGrants permissions, InteractionEventsPublisher events, MessageRepository messages) {
        this.interactions = interactions;
        this.messages = messages;
        this.earlyEnds = earlyEnds;
        this.flows = flows;
        this.permissions = permissions;
        this.events = events;
    }

    // --- voice, driven by telephony-events --------------------------------------

    /**
     * A call came up: a new voice interaction on the call's flow, with the flow's toggle as it is now
     * (B03). A call already known (the gateway repeated itself) changes nothing. If its call-ended came
     * first, the interaction ends at once, so that its whole history is still published in order.
     */
    public void callStarted(CallStarted call) {
        if (interactions.byCall(call.tenantId(), call.callId()).isPresent()) {
            LOG.debugf("call %s of %s is already an interaction", call.callId(), call.tenantId());
            return;
        }
        Flow flow = flows.forNewInteraction(call.tenantId(), call.flowId());
        Instant at = call.at() == null ? Instant.now() : call.at();
        Interaction interaction = Interaction.start(UUID.randomUUID(), call.tenantId(), Channel.VOICE, flow,
                call.agentId(), call.agentName(), call.customerNumber(), call.callId(), at);
        earlyEnds.byCall(call.tenantId(), call.callId()).ifPresent(early -> {
            interaction.end(early.endedBy, early.endedAt);
            earlyEnds.delete(early);
        });
        interactions.save(interaction);
        events.publishChanges(interaction);
    }

    /**
     * A call ended: its interaction ends, everyone leaves. Ended is final, so a repeated call-ended
     * changes nothing. A call-ended for a call not seen yet is remembered for its call-started.
     */
    public void callEnded(CallEnded call) {
        Instant at = call.at() == null ? Instant.now() : call.at();
        String endedBy = call.endedBy() == null ? null : call.endedBy().name();
        InteractionEntity entity = interactions.byCall(call.tenantId(), call.callId()).orElse(null);
        if (entity == null) {
            if (earlyEnds.byCall(call.tenantId(), call.callId()).isEmpty()) {
                EarlyCallEndEntity early = new EarlyCallEndEntity();
                early.key = new EarlyCallEndEntity.Key(call.tenantId(), call.callId());
                early.endedBy = Interaction.ender(endedBy);
                early.endedAt = at;
                earlyEnds.persist(early);
            }
            return;
        }
        Interaction interaction = interactions.toDomain(entity);
        if (interaction.end(endedBy, at)) {
            interactions.save(interaction);
            events.publishChanges(interaction);
        }
    }

    // --- reading ------------------------------------------------------------------

    /** A listing's query parameters as the client sent them; checked after the caller's permission. */
    public record Listing(String state, String channel, String agentId, String page, String size) {
    }

    /**
     * The tenant's interactions the caller may see (B08): all of them for the channel platform, only monitorable
     * ones (flow toggle on) for administrators; anyone else is refused.
     */
    public PageOf<Interaction> list(Caller caller, Listing listing) {
        ReadScope scope = permissions.of(caller).readScope();
        InteractionFilter filter = InteractionFilter.parse(listing.state(), listing.channel(), listing.agentId());
        PageRequest paging = PageRequest.parse(listing.page(), listing.size(), PageRequest.Bounds.STANDARD,
                InvalidQueryException::new);
        var query = interactions.ofTenant(caller.tenantId(), scope, filter, paging);
        List<InteractionEntity> found = query.list();
        Map<UUID, List<Participant>> participants = interactions
                .participantsOf(found.stream().map(e -> e.id).toList());
        List<Interaction> items = found.stream()
                .map(e -> InteractionRepository.toDomain(e, participants.getOrDefault(e.id, List.of())))
                .toList();
        return new PageOf<>(items, paging.page(), paging.size(), query.count());
    }

    /**
     * Another tenant's interaction, an id that is not one, and (for administrators) one whose flow had Silent
     * Monitoring off are all not found alike (B06, B08, B03).
     */
    public Interaction interaction(Caller caller, String id) {
        ReadScope scope = permissions.of(caller).readScope();
        UUID uuid = parseId(id);
        return interactions.byId(caller.tenantId(), uuid)
                .filter(e -> scope.shows(e.silentMonitoring))
                .map(interactions::toDomain)
                .orElseThrow(() -> new InteractionNotFoundException(id));
    }

    /**
     * The messages of a digital interaction after sequence {@code after}, in order; none for voice. For the
     * channel platform only: people read message text through transcript-service, audited (B34).
     */
    public List<Message> messages(Caller caller, String id, String after, String limit) {
        permissions.of(caller).requireMessageReading();
        UUID uuid = parseId(id);
        MessagesAfter page = MessagesAfter.parse(after, limit);
        if (interactions.byId(caller.tenantId(), uuid).isEmpty()) {
            throw new InteractionNotFoundException(id);
        }
        return messages.after(uuid, page.after(), page.limit());
    }

    /**
     * An id longer than any id is refused (400 {@code invalid-id}); one that is not a UUID names no interaction.
     */
    static UUID parseId(String id) {
        Ids.checkPath(id, "id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InteractionNotFoundException(id);
        }
    }
}
