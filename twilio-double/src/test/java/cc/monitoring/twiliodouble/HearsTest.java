package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who hears whom in the conference: muted, coaching (whisper, B50) and hold as Twilio mixes them. */
class HearsTest extends DoubleFixture {

    @Test
    void aCoachIsHeardByTheCoachedAgentOnlyNeverByTheCustomer_B50() throws IOException {
        String[] call = customerAndAgent();
        String customer = call[0];
        String agent = call[1];
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");

        assertEquals(Set.of(agent), twilio.hears(customer), "a muted monitor is heard by nobody");
        assertEquals(Set.of(customer), twilio.hears(agent));
        assertEquals(Set.of(customer, agent), twilio.hears(monitor), "the monitor hears both");

        client.post("/Conferences/" + call[2] + "/Participants/" + monitor + ".json",
                "Muted", "false", "Coaching", "true", "CallSidToCoach", agent);
        assertEquals(Set.of(agent), twilio.hears(customer), "the customer does not hear the coach");
        assertEquals(Set.of(customer, monitor), twilio.hears(agent), "the agent hears the coach");
        assertEquals(Set.of(customer, agent), twilio.hears(monitor));
        ConferenceState state = twilio.conference(ACCOUNT, call[2]);
        assertEquals(Set.of(agent), state.hears().get(customer));
        ParticipantState coach = state.participant("monitor-leg-1").orElseThrow();
        assertEquals(true, coach.coaching());
        assertEquals(agent, coach.callSidToCoach());

        client.post("/Conferences/" + call[2] + "/Participants/" + monitor + ".json", "Muted", "false", "Coaching", "false");
        assertEquals(Set.of(agent, monitor), twilio.hears(customer), "unmuted (barge), everyone hears the monitor");
        assertEquals(Set.of(customer, monitor), twilio.hears(agent));
    }

    @Test
    void aParticipantOnHoldHearsNobodyAndIsHeardByNobody() throws IOException {
        String[] call = customerAndAgent();
        client.post("/Conferences/" + call[2] + "/Participants/customer.json", "Hold", "true");
        assertEquals(Set.of(), twilio.hears(call[0]));
        assertEquals(Set.of(), twilio.hears(call[1]));
        client.post("/Conferences/" + call[2] + "/Participants/customer.json", "Hold", "false");
        assertEquals(Set.of(call[1]), twilio.hears(call[0]));
    }

    @Test
    void beforeTheConferenceStartsTheCallerHearsOnlyTheWaitMusic() {
        String customer = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        assertEquals(Set.of(), twilio.hears(customer));
    }
}
