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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: the interaction's state machine is plain Java. */
class InteractionRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Flow SALES = new Flow("sales", "Sales", true);

    private static Interaction call(Flow flow) {
        return Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE, flow, "agent-7", "Ada Agent", "+14155550123",
                "call-1", T0);
    }

    @Test
    void aStartedInteractionIsActiveWithTheAgentAndTheCustomerJoinedInThatOrder() {
        Interaction interaction = call(SALES);

        assertEquals(InteractionState.ACTIVE, interaction.state());
        List<InteractionChange> changes = interaction.drainChanges();
        assertEquals(3, changes.size());
        assertInstanceOf(InteractionChange.Started.class, changes.get(0));
        Participant agent = ((InteractionChange.Joined) changes.get(1)).participant();
        Participant customer = ((InteractionChange.Joined) changes.get(2)).participant();
        assertEquals(new Participant("agent-7", ParticipantRole.AGENT, "Ada Agent", T0, null), agent);
        assertEquals(new Participant("+14155550123", ParticipantRole.CUSTOMER, "+14155550123", T0, null), customer);
        assertEquals(List.of(agent, customer), interaction.participants());
        assertTrue(interaction.drainChanges().isEmpty(), "drained changes are gone");
    }

    @Test
    void B03_anInteractionKeepsTheToggleAndNameItsFlowHadAtStart() {
        Interaction monitorable = call(SALES);
        Flow changedLater = Flow.configured("sales", "Sales (private)", false);

        assertTrue(monitorable.silentMonitoring());
        assertEquals("Sales", monitorable.flowName());
        assertFalse(call(changedLater).silentMonitoring(), "a new interaction takes the flow's current toggle");
        assertTrue(monitorable.silentMonitoring());
    }

    @Test
    void endingLetsEveryoneLeaveThenEnds() {
        Interaction interaction = call(SALES);
        interaction.drainChanges();
        Instant end = T0.plusSeconds(90);

        assertTrue(interaction.end("CUSTOMER", end));

        List<InteractionChange> changes = interaction.drainChanges();
        assertEquals(3, changes.size());
        assertEquals(ParticipantRole.AGENT, ((InteractionChange.Left) changes.get(0)).participant().role());
        assertEquals(ParticipantRole.CUSTOMER, ((InteractionChange.Left) changes.get(1)).participant().role());
        assertInstanceOf(InteractionChange.Ended.class, changes.get(2));
        assertEquals(InteractionState.ENDED, interaction.state());
        assertEquals(end, interaction.endedAt());
        assertEquals("CUSTOMER", interaction.endedBy());
        assertTrue(interaction.participants().stream().allMatch(p -> end.equals(p.leftAt())));
    }

    @Test
    void endedIsFinal() {
        Interaction interaction = call(SALES);
        interaction.end("AGENT", T0.plusSeconds(5));
        interaction.drainChanges();

        assertFalse(interaction.end("CUSTOMER", T0.plusSeconds(60)), "a second end changes nothing");
        assertTrue(interaction.drainChanges().isEmpty());
        assertEquals("AGENT", interaction.endedBy());
        assertEquals(T0.plusSeconds(5), interaction.endedAt());
        InteractionEndedException refused = assertThrows(InteractionEndedException.class, () -> interaction.join(
                Participant.joined("agent-8", ParticipantRole.AGENT, "Bo", T0.plusSeconds(61))));
        assertEquals("interaction-ended", refused.type());
    }

    @Test
    void joiningTwiceWhilePresentChangesNothing() {
        Interaction interaction = call(SALES);
        interaction.drainChanges();
        interaction.join(Participant.joined("agent-7", ParticipantRole.AGENT, "Ada Agent", T0.plusSeconds(1)));
        assertTrue(interaction.drainChanges().isEmpty());
        assertEquals(2, interaction.participants().size());
    }

    @Test
    void anEndBeforeTheStartIsTakenAsTheStartAndAMissingEnderIsTheSystem() {
        Interaction interaction = call(SALES);
        interaction.end(null, T0.minusSeconds(3));
        assertEquals(T0, interaction.endedAt());
        assertEquals("SYSTEM", interaction.endedBy());
    }

    @Test
    void whoEndedItIsTheAgentTheCustomerOrTheSystem() {
        assertEquals("AGENT", Interaction.ender(" agent "));
        assertEquals("CUSTOMER", Interaction.ender("CUSTOMER"));
        assertEquals("SYSTEM", Interaction.ender("the gateway, after a timeout"));
        assertEquals("SYSTEM", Interaction.ender(null));
    }

    @Test
    void overlongIdsAreRefusedAndOverlongNamesAreCut() {
        assertThrows(IllegalArgumentException.class, () -> Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE,
                SALES, "a".repeat(201), "A", "+1", "c", T0));
        Interaction named = Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE, SALES, "a", "n".repeat(500), "+1",
                "c", T0);
        assertEquals(200, named.agentName().length());
        assertEquals(200, named.participants().get(0).displayName().length());
    }

    @Test
    void voiceNeedsACallIdAndDigitalChannelsHaveNone() {
        assertThrows(IllegalArgumentException.class, () -> Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE,
                SALES, "a", "A", "+1", null, T0));
        assertThrows(IllegalArgumentException.class, () -> Interaction.start(UUID.randomUUID(), "t1", Channel.CHAT,
                SALES, "a", "A", "visitor-1", "call-9", T0));
        Interaction chat = Interaction.start(UUID.randomUUID(), "t1", Channel.CHAT, SALES, "a", null, "visitor-1", null, T0);
        assertNull(chat.callId());
        assertEquals("a", chat.agentName(), "an agent without a name is shown by id");
        assertEquals(Channel.CHAT, chat.channel());
    }

    @Test
    void anInteractionNeedsAnAgentAndACustomer() {
        assertThrows(IllegalArgumentException.class, () -> Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE,
                SALES, " ", "A", "+1", "c", T0));
        assertThrows(IllegalArgumentException.class, () -> Interaction.start(UUID.randomUUID(), "t1", Channel.VOICE,
                SALES, "a", "A", null, "c", T0));
    }
}
