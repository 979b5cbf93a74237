package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.ParticipantRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: digital conversations (sequences, participants, the end) are plain Java. */
class ConversationRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Flow SUPPORT = new Flow("support", "Support", true);

    private static Interaction chat() {
        Interaction chat = Interaction.startConversation(UUID.randomUUID(), "t1", Channel.CHAT, SUPPORT, "agent-7",
                "Ada Agent", "visitor-1", "Vera Visitor", T0);
        chat.drainChanges();
        return chat;
    }

    private static Message post(Interaction i, ParticipantRole role, String authorId, String text) {
        return i.post(UUID.randomUUID(), role, authorId, text, T0.plusSeconds(1));
    }

    @Test
    void B03_aConversationStartsLikeACallWithoutCallIdAndTheCustomerIsShownByName() {
        Interaction chat = Interaction.startConversation(UUID.randomUUID(), "t1", Channel.SMS, SUPPORT, "agent-7", null,
                "+14155550123", "Vera Visitor", T0);
        List<InteractionChange> changes = chat.drainChanges();
        assertInstanceOf(InteractionChange.Started.class, changes.get(0));
        assertEquals(new Participant("agent-7", ParticipantRole.AGENT, "agent-7", T0, null),
                ((InteractionChange.Joined) changes.get(1)).participant());
        assertEquals(new Participant("+14155550123", ParticipantRole.CUSTOMER, "Vera Visitor", T0, null),
                ((InteractionChange.Joined) changes.get(2)).participant());
        assertEquals(3, changes.size());
        assertEquals(null, chat.callId());
        assertTrue(chat.silentMonitoring());
        assertEquals(0, chat.lastSequence());
        assertThrows(IllegalArgumentException.class, () -> Interaction.startConversation(UUID.randomUUID(), "t1",
                Channel.VOICE, SUPPORT, "a", "A", "c", null, T0));
    }

    @Test
    void messagesAreNumberedFromOneInTheOrderTheyArePostedAndEachIsAChange() {
        Interaction chat = chat();
        Message first = post(chat, ParticipantRole.CUSTOMER, null, "Hello?");
        Message second = post(chat, ParticipantRole.AGENT, null, "Hi, how can I help?");
        Message third = post(chat, ParticipantRole.CUSTOMER, "visitor-1", "My order is late");

        assertEquals(List.of(1L, 2L, 3L), List.of(first.sequence(), second.sequence(), third.sequence()));
        assertEquals(3, chat.lastSequence());
        assertEquals("visitor-1", first.authorId(), "without authorId the customer is the conversation's customer");
        assertEquals("Vera Visitor", first.authorName());
        assertEquals("agent-7", second.authorId(), "without authorId the agent is the conversation's agent");
        assertEquals("Ada Agent", second.authorName());
        assertEquals(List.of(first, second, third), chat.drainChanges().stream()
                .map(c -> ((InteractionChange.Posted) c).message()).toList());
    }

    @Test
    void aRestoredConversationContinuesAfterItsLastSequence() {
        Interaction stored = Interaction.restore(UUID.randomUUID(), "t1", Channel.MESSAGING, "support", "Support", true,
                "agent-7", "Ada", "visitor-1", null, T0,
                List.of(Participant.joined("agent-7", ParticipantRole.AGENT, "Ada", T0),
                        Participant.joined("visitor-1", ParticipantRole.CUSTOMER, "V", T0)),
                InteractionState.ACTIVE, 41, null, null);
        assertEquals(42, post(stored, ParticipantRole.AGENT, null, "and another thing").sequence());
        assertThrows(IllegalArgumentException.class, () -> Interaction.restore(UUID.randomUUID(), "t1", Channel.VOICE,
                "support", "Support", true, "a", "A", "+1", "call-1", T0, List.of(), InteractionState.ACTIVE, 3, null, null),
                "voice has no messages");
    }

    @Test
    void B30_aRefusedMessageUsesUpNoSequence() {
        Interaction chat = chat();
        post(chat, ParticipantRole.CUSTOMER, null, "one");
        assertThrows(InvalidMessageException.class, () -> post(chat, ParticipantRole.CUSTOMER, null, "  "));
        assertThrows(NotAParticipantException.class, () -> post(chat, ParticipantRole.AGENT, "supervisor-1", "psst"),
                "a monitor is no participant and cannot post");
        assertThrows(NotAParticipantException.class, () -> post(chat, ParticipantRole.CUSTOMER, "agent-7", "as the customer"),
                "an author is a participant in the role they write in");
        assertEquals(2, post(chat, ParticipantRole.AGENT, null, "two").sequence());
        assertEquals(2, chat.drainChanges().size());
    }

    @Test
    void messageTextIsNotBlankAtMost4000CharactersAndHasNoControlCharacters() {
        assertEquals("line one\nline two\ttabbed", Message.checkText("line one\nline two\ttabbed"));
        assertEquals(4000, Message.checkText("é".repeat(4000)).length());
        assertEquals("😀".repeat(4000), Message.checkText("😀".repeat(4000)), "characters, not UTF-16 units");
        for (String bad : new String[]{null, "", " \n ", "x".repeat(4001), "nul\u0000byte", "bell\u0007"}) {
            InvalidMessageException refused = assertThrows(InvalidMessageException.class, () -> Message.checkText(bad));
            assertEquals("invalid-message", refused.type());
        }
    }

    @Test
    void anEndedConversationRefusesMessagesJoinsAndLeaves() {
        Interaction chat = chat();
        post(chat, ParticipantRole.CUSTOMER, null, "bye");
        assertTrue(chat.endConversation(ParticipantRole.CUSTOMER, T0.plusSeconds(30)));
        chat.drainChanges();

        assertEquals("interaction-ended", assertThrows(InteractionEndedException.class,
                () -> post(chat, ParticipantRole.AGENT, null, "wait!")).type());
        assertThrows(InteractionEndedException.class, () -> chat.joinAgent("agent-8", "Bo", T0.plusSeconds(31)));
        assertThrows(InteractionEndedException.class, () -> chat.leave("agent-7", T0.plusSeconds(31)));
        assertFalse(chat.endConversation(ParticipantRole.AGENT, T0.plusSeconds(40)), "ending again changes nothing");
        assertEquals("CUSTOMER", chat.endedBy());
        assertEquals(1, chat.lastSequence());
        assertTrue(chat.drainChanges().isEmpty());
    }

    @Test
    void endingLetsEveryonePresentLeaveInJoinOrderThenEnds() {
        Interaction chat = chat();
        chat.joinAgent("agent-8", "Bo", T0.plusSeconds(5));
        chat.joinAgent("agent-9", "Cy", T0.plusSeconds(6));
        chat.leave("agent-8", T0.plusSeconds(7));
        chat.drainChanges();

        chat.endConversation(ParticipantRole.AGENT, T0.plusSeconds(60));
        List<InteractionChange> changes = chat.drainChanges();
        assertEquals(List.of("agent-7", "visitor-1", "agent-9"), changes.subList(0, 3).stream()
                .map(c -> ((InteractionChange.Left) c).participant().participantId()).toList());
        assertInstanceOf(InteractionChange.Ended.class, changes.get(3));
        assertEquals(4, changes.size(), "agent-8 had already left");
        assertEquals("AGENT", chat.endedBy());
    }

    @Test
    void anotherAgentJoinsOnceLeavesAndMayJoinAgain() {
        Interaction chat = chat();
        assertTrue(chat.joinAgent("agent-8", "Bo", T0.plusSeconds(5)));
        assertFalse(chat.joinAgent("agent-8", "Bo", T0.plusSeconds(6)), "already on it: no change");
        Message byBo = post(chat, ParticipantRole.AGENT, "agent-8", "Bo here");
        assertEquals("Bo", byBo.authorName());
        chat.leave("agent-8", T0.plusSeconds(10));
        assertThrows(NotAParticipantException.class, () -> post(chat, ParticipantRole.AGENT, "agent-8", "still here?"));
        assertThrows(NotAParticipantException.class, () -> chat.leave("agent-8", T0.plusSeconds(11)));
        assertTrue(chat.joinAgent("agent-8", "Bo", T0.plusSeconds(20)));

        List<InteractionChange> changes = chat.drainChanges();
        assertEquals(List.of("Joined", "Posted", "Left", "Joined"),
                changes.stream().map(c -> c.getClass().getSimpleName()).toList());
        assertEquals(List.of("agent-7", "visitor-1", "agent-8", "agent-8"),
                chat.participants().stream().map(Participant::participantId).toList(), "a rejoin is a new stint");
        assertEquals(T0.plusSeconds(10), chat.participants().get(2).leftAt());
        assertTrue(chat.participants().get(3).present());
    }

    @Test
    void theLastAgentCannotLeaveAndTheCustomerLeavesByEnding() {
        Interaction chat = chat();
        assertEquals("last-agent", assertThrows(LastAgentException.class, () -> chat.leave("agent-7", T0)).type());
        assertThrows(NotAParticipantException.class, () -> chat.leave("visitor-1", T0), "leave is for agents");
        chat.joinAgent("agent-8", "Bo", T0.plusSeconds(1));
        chat.leave("agent-7", T0.plusSeconds(2));
        assertThrows(NotAParticipantException.class, () -> post(chat, ParticipantRole.AGENT, null, "hi"),
                "the conversation's agent left: name the author");
        assertEquals("agent-8", post(chat, ParticipantRole.AGENT, "agent-8", "hi").authorId());
        assertThrows(LastAgentException.class, () -> chat.leave("agent-8", T0.plusSeconds(3)));
    }

    @Test
    void voiceInteractionsTakeNoMessagesNorParticipantsFromTheChannelPlatform() {
        Interaction call = Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE, SUPPORT, "agent-7", "Ada",
                "+14155550123", "call-1", T0);
        assertEquals("voice-interaction", assertThrows(VoiceInteractionException.class,
                () -> post(call, ParticipantRole.CUSTOMER, null, "hello")).type());
        assertThrows(VoiceInteractionException.class, () -> call.joinAgent("agent-8", "Bo", T0));
        assertThrows(VoiceInteractionException.class, () -> call.leave("agent-7", T0));
        assertThrows(VoiceInteractionException.class, () -> call.endConversation(ParticipantRole.AGENT, T0));
    }

    @Test
    void whatTheChannelPlatformSendsIsCheckedFieldByField() {
        assertEquals(Channel.CHAT, ConversationInput.channel(" chat "));
        assertEquals(Channel.MESSAGING, ConversationInput.channel("MESSAGING"));
        for (String bad : new String[]{null, "", "VOICE", "FAX"}) {
            assertEquals("invalid-conversation", assertThrows(InvalidConversationException.class,
                    () -> ConversationInput.channel(bad)).type());
        }
        assertThrows(InvalidConversationException.class, () -> ConversationInput.flowId("bad flow!"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.id(" ", "customer"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.id("c".repeat(201), "customer"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.id("a\u0000b", "agentId"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.name("A\u0000", "agentName"));
        // bounds at the API: ids at most 64 characters, names at most 200
        assertEquals("c".repeat(64), ConversationInput.id("c".repeat(64), "customer"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.id("c".repeat(65), "customer"));
        assertEquals("n".repeat(200), ConversationInput.name("n".repeat(200), "agentName"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.name("n".repeat(201), "agentName"));
        assertEquals(null, ConversationInput.optionalId(null, "authorId"));
        assertEquals(ParticipantRole.AGENT, ConversationInput.role("agent", "role"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.role("SUPERVISOR", "authorRole"));
        assertEquals("CUSTOMER", ConversationInput.ender("customer"));
        assertThrows(InvalidConversationException.class, () -> ConversationInput.ender("SYSTEM"));
    }
}
