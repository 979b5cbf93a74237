package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation between a customer and an agent on one channel, from start to end. It keeps the
 * flow's name and silent-monitoring toggle as they were when it started (B03). {@code ACTIVE → ENDED};
 * ended is final. Every change is recorded in order and drained by the caller to publish it.
 * <p>
 * Voice interactions follow the telephony gateway's calls. Digital ones (chat, SMS, messaging) are
 * driven by the channel platform: messages get the next {@link #lastSequence() sequence}, other agents
 * join and leave, and at least one agent stays until the conversation ends. The caller holds the
 * interaction exclusively (a row lock) while it changes it, so sequences are allocated once each.
 */
public final class Interaction {

    static final int MAX_TENANT = 100;
    static final int MAX_ID = 200;
    static final int MAX_NAME = 200;
    private static final java.util.Set<String> ENDERS = java.util.Set.of("AGENT", "CUSTOMER", "SYSTEM");

    private final UUID id;
    private final String tenantId;
    private final Channel channel;
    private final String flowId;
    private final String flowName;
    private final boolean silentMonitoring;
    private final String agentId;
    private final String agentName;
    private final String customer;
    private final String callId;
    private final Instant startedAt;
    private final List<Participant> participants;
    private InteractionState state;
    private long lastSequence;
    private Instant endedAt;
    private String endedBy;
    private final List<InteractionChange> changes = new ArrayList<>();

    private Interaction(UUID id, String tenantId, Channel channel, String flowId, String flowName, boolean silentMonitoring,
                        String agentId, String agentName, String customer, String callId, Instant startedAt,
                        List<Participant> participants, InteractionState state, long lastSequence, Instant endedAt,
                        String endedBy) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = limit(require(tenantId, "tenant"), "tenant", MAX_TENANT);
        this.channel = Objects.requireNonNull(channel, "channel");
        this.flowId = FlowId.isValid(flowId) ? flowId : fail("flow id '" + flowId + "' is not a valid flow id");
        this.flowName = require(flowName, "flow name");
        this.silentMonitoring = silentMonitoring;
        this.agentId = limit(require(agentId, "agent id"), "agent id", MAX_ID);
        this.agentName = displayName(agentName, agentId);
        this.customer = limit(require(customer, "customer"), "customer", MAX_ID);
        if (channel == Channel.VOICE) {
            limit(require(callId, "call id of a voice interaction"), "call id", MAX_ID);
        } else if (callId != null) {
            fail("only voice interactions have a call id");
        }
        this.callId = callId;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.participants = new ArrayList<>(participants);
        this.state = Objects.requireNonNull(state, "state");
        if (lastSequence < 0 || (lastSequence > 0 && !channel.isDigital())) {
            fail("only digital interactions have messages, numbered from 1");
        }
        this.lastSequence = lastSequence;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
    }

    /**
     * A new interaction on {@code flow}, with the agent and the customer joined at {@code at}.
     * Changes: started, then the agent joined, then the customer joined.
     */
    public static Interaction start(UUID id, String tenantId, Channel channel, Flow flow, String agentId, String agentName,
                                    String customer, String callId, Instant at) {
        return start(id, tenantId, channel, flow, agentId, agentName, customer, customer, callId, at);
    }

    /**
     * A new digital conversation (chat, SMS, messaging) as the channel platform opens it; the customer is
     * shown by {@code customerName} when there is one. Changes as for {@link #start}.
     */
    public static Interaction startConversation(UUID id, String tenantId, Channel channel, Flow flow, String agentId,
                                                String agentName, String customer, String customerName, Instant at) {
        if (channel == null || !channel.isDigital()) {
            fail("a conversation is a digital interaction");
        }
        return start(id, tenantId, channel, flow, agentId, agentName, customer, customerName, null, at);
    }

    private static Interaction start(UUID id, String tenantId, Channel channel, Flow flow, String agentId,
                                     String agentName, String customer, String customerName, String callId, Instant at) {
        Objects.requireNonNull(flow, "flow");
        Interaction interaction = new Interaction(id, tenantId, channel, flow.id(), flow.name(), flow.silentMonitoring(),
                agentId, agentName, customer, callId, at, List.of(), InteractionState.ACTIVE, 0, null, null);
        interaction.changes.add(new InteractionChange.Started(interaction));
        interaction.join(Participant.joined(agentId, ParticipantRole.AGENT, interaction.agentName, at));
        interaction.join(Participant.joined(customer, ParticipantRole.CUSTOMER, customerName, at));
        return interaction;
    }

    /** An interaction as stored; records no change. */
    public static Interaction restore(UUID id, String tenantId, Channel channel, String flowId, String flowName,
                                      boolean silentMonitoring, String agentId, String agentName, String customer,
                                      String callId, Instant startedAt, List<Participant> participants,
                                      InteractionState state, long lastSequence, Instant endedAt, String endedBy) {
        return new Interaction(id, tenantId, channel, flowId, flowName, silentMonitoring, agentId, agentName, customer,
                callId, startedAt, participants, state, lastSequence, endedAt, endedBy);
    }

    /**
     * Someone joins; joining twice while present changes nothing and returns false. Someone who left may
     * join again (a new stint, kept after the old one). Nobody joins an ended interaction.
     */
    public boolean join(Participant participant) {
        requireActive();
        boolean present = participants.stream().anyMatch(p -> p.present() && p.sameAs(participant));
        if (present) {
            return false;
        }
        participants.add(participant);
        changes.add(new InteractionChange.Joined(participant));
        return true;
    }

    // --- digital conversations, driven by the channel platform -----------------------

    /** Voice interactions follow telephony events only. */
    public void requireConversation() {
        if (!channel.isDigital()) {
            throw new VoiceInteractionException(id.toString());
        }
    }

    /** Another agent joins the conversation; false if they are already on it. */
    public boolean joinAgent(String agentId, String displayName, Instant at) {
        requireConversation();
        return join(Participant.joined(agentId, ParticipantRole.AGENT, displayName, notBeforeStart(at)));
    }

    /**
     * An agent leaves the conversation. Only a present agent leaves, and never the last one: a conversation
     * keeps an agent until it ends (the customer leaving, or the last agent, ends it instead).
     */
    public void leave(String agentId, Instant at) {
        requireConversation();
        requireActive();
        int index = presentIndex(ParticipantRole.AGENT, agentId);
        if (index < 0) {
            throw new NotAParticipantException(id.toString(), ParticipantRole.AGENT, agentId);
        }
        long agentsPresent = participants.stream().filter(p -> p.present() && p.role() == ParticipantRole.AGENT).count();
        if (agentsPresent == 1) {
            throw new LastAgentException(id.toString(), agentId);
        }
        Participant left = participants.get(index).leaving(notBeforeStart(at));
        participants.set(index, left);
        changes.add(new InteractionChange.Left(left));
    }

    /**
     * A message from a present participant: it gets the next sequence (1 for the first). Without an
     * {@code authorId} the author is the conversation's customer, or its agent. Ended conversations take
     * no messages; a refused message uses up no sequence.
     */
    public Message post(UUID messageId, ParticipantRole authorRole, String authorId, String text, Instant at) {
        requireConversation();
        requireActive();
        Objects.requireNonNull(authorRole, "authorRole");
        String author = authorId != null ? authorId : authorRole == ParticipantRole.CUSTOMER ? customer : agentId;
        int index = presentIndex(authorRole, author);
        if (index < 0) {
            throw new NotAParticipantException(id.toString(), authorRole, author);
        }
        Participant writer = participants.get(index);
        Message message = new Message(messageId, lastSequence + 1, authorRole, writer.participantId(),
                writer.displayName(), text, notBeforeStart(at));
        lastSequence = message.sequence();
        changes.add(new InteractionChange.Posted(message));
        return message;
    }

    /** Ends a conversation as the channel platform reports it: by the agent or the customer. */
    public boolean endConversation(ParticipantRole by, Instant at) {
        requireConversation();
        return end(Objects.requireNonNull(by, "by").name(), at);
    }

    private void requireActive() {
        if (state == InteractionState.ENDED) {
            throw new InteractionEndedException(id.toString());
        }
    }

    private int presentIndex(ParticipantRole role, String participantId) {
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (p.present() && p.role() == role && p.participantId().equals(participantId)) {
                return i;
            }
        }
        return -1;
    }

    private Instant notBeforeStart(Instant at) {
        return at == null || at.isBefore(startedAt) ? startedAt : at;
    }

    /**
     * Ends the interaction: everyone still present leaves at {@code at}, in the order they joined, then
     * it ends. Ending an ended interaction changes nothing and returns false (ended is final).
     *
     * @param endedBy AGENT, CUSTOMER or SYSTEM
     */
    public boolean end(String endedBy, Instant at) {
        if (state == InteractionState.ENDED) {
            return false;
        }
        Instant end = at == null || at.isBefore(startedAt) ? startedAt : at;
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            if (participant.present()) {
                Participant left = participant.leaving(end);
                participants.set(i, left);
                changes.add(new InteractionChange.Left(left));
            }
        }
        state = InteractionState.ENDED;
        endedAt = end;
        this.endedBy = ender(endedBy);
        changes.add(new InteractionChange.Ended(this));
        return true;
    }

    /** The changes since the last call, in order; clears them. */
    public List<InteractionChange> drainChanges() {
        List<InteractionChange> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public Channel channel() {
        return channel;
    }

    public String flowId() {
        return flowId;
    }

    public String flowName() {
        return flowName;
    }

    /** The flow's toggle when this interaction started (B03). */
    public boolean silentMonitoring() {
        return silentMonitoring;
    }

    public String agentId() {
        return agentId;
    }

    public String agentName() {
        return agentName;
    }

    public String customer() {
        return customer;
    }

    public String callId() {
        return callId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public List<Participant> participants() {
        return List.copyOf(participants);
    }

    public InteractionState state() {
        return state;
    }

    /** The sequence of the last message posted; 0 before the first (and always for voice). */
    public long lastSequence() {
        return lastSequence;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedBy() {
        return endedBy;
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            fail("an interaction needs a " + what);
        }
        return value;
    }

    /** Who ended an interaction: AGENT, CUSTOMER or SYSTEM; anything else counts as the system. */
    public static String ender(String endedBy) {
        String ender = endedBy == null ? "" : endedBy.trim().toUpperCase(java.util.Locale.ROOT);
        return ENDERS.contains(ender) ? ender : "SYSTEM";
    }

    private static String limit(String value, String what, int max) {
        if (value.length() > max) {
            fail("a " + what + " has at most " + max + " characters");
        }
        return value;
    }

    /** A name to show: the id when there is none, cut to {@value #MAX_NAME} characters. */
    static String displayName(String name, String id) {
        String shown = name == null || name.isBlank() ? id : name.trim();
        return shown.length() > MAX_NAME ? shown.substring(0, MAX_NAME) : shown;
    }

    /** Data that cannot make an interaction: an event carrying it is poison, not a retryable failure. */
    private static <T> T fail(String message) {
        throw new IllegalArgumentException(message);
    }
}
