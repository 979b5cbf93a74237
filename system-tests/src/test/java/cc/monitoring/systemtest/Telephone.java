package cc.monitoring.systemtest;

import cc.monitoring.twiliodouble.AnswerMode;
import cc.monitoring.twiliodouble.TwilioDouble;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static cc.monitoring.contracts.EventTypes.CALL_STARTED;
import static cc.monitoring.contracts.Topics.TELEPHONY_EVENTS;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone network a voice test places its calls on, as the system under test runs it
 * ({@code systemtest.provider}): the gateway's built-in simulator, driven over REST by the tenant's phone
 * simulator (a machine identity), or Twilio, played by the Twilio double (callers dial the tenant's number, the
 * router connects the agent). The steps of a test are the same on both.
 */
public interface Telephone {

    /** A customer calls the flow and {@code agent} takes the call; returns the gateway's call id. */
    String place(String flowId, User agent, String customer);

    /** The customer ({@code CUSTOMER}) or the agent ({@code AGENT}) hangs up. */
    void hangUp(String callId, String by);

    /** {@code address} answers busy until the returned handle is closed. */
    AutoCloseable busy(String address);

    /** Where the network can tell (Twilio): the monitor leg is heard by the agent only (B50). */
    default void assertWhisperReachesOnlyTheAgent(String callId, String legId) {
    }

    /** The simulator inside telephony-gateway, over its REST API. */
    final class Simulated implements Telephone {
        private final User phone;

        Simulated(User phone) {
            this.phone = phone;
        }

        @Override
        public String place(String flowId, User agent, String customer) {
            Reply reply = phone.telephony().post("/api/telephony/calls", Map.of("flowId", flowId, "agentId", agent.id(),
                    "agentName", agent.name(), "customerNumber", customer));
            JsonNode placed = reply.expectJson(201);
            String callId = placed.path("callId").asText();
            assertFalse(callId.isBlank(), placed.toString());
            assertTrue(reply.location().endsWith("/api/telephony/calls/" + callId), reply.location());
            assertEquals("ACTIVE", placed.path("state").asText());
            assertEquals(List.of("AGENT", "CUSTOMER"), texts(placed.path("participants"), "role"));
            return callId;
        }

        @Override
        public void hangUp(String callId, String by) {
            phone.telephony().post("/api/telephony/calls/" + callId + "/hangup", Map.of("by", by)).expect(202);
        }

        @Override
        public AutoCloseable busy(String address) {
            JsonNode injected = phone.telephony().put("/api/telephony/simulator/failures/" + address,
                    Map.of("failure", "BUSY")).expectJson(200);
            assertEquals("BUSY", injected.path("failure").asText());
            return () -> phone.telephony().delete("/api/telephony/simulator/failures/" + address).expect(204);
        }
    }

    /** Twilio, played by the double: the tenant's account, its numbers per flow. */
    final class Twilio implements Telephone {
        private final TwilioDouble twilio;
        private final String accountSid;
        private final Map<String, String> numbers;
        private final Events events;
        /** The caller's and the agent's CallSids per call id. */
        private final Map<String, String[]> legs = new ConcurrentHashMap<>();

        Twilio(TwilioDouble twilio, String accountSid, Map<String, String> numbers, Events events) {
            this.twilio = twilio;
            this.accountSid = accountSid;
            this.numbers = numbers;
            this.events = events;
        }

        @Override
        public String place(String flowId, User agent, String customer) {
            String number = numbers.get(flowId);
            if (number == null) {
                throw new IllegalArgumentException("no Twilio number routes to flow " + flowId + ": " + numbers);
            }
            String callerSid = twilio.placeInboundCall(accountSid, customer, number);
            String agentSid = twilio.connectAgent(accountSid, callerSid, "client:" + agent.id());
            Event started = events.await(TELEPHONY_EVENTS, CALL_STARTED, e -> customer.equals(e.text("customerNumber")));
            String callId = started.text("callId");
            legs.put(callId, new String[] {callerSid, agentSid});
            return callId;
        }

        @Override
        public void hangUp(String callId, String by) {
            String[] sids = legs.get(callId);
            twilio.hangUp("AGENT".equals(by) ? sids[1] : sids[0]);
        }

        @Override
        public AutoCloseable busy(String address) {
            twilio.endpoints().answerMode(address, AnswerMode.BUSY);
            return () -> twilio.endpoints().answerMode(address, AnswerMode.AUTO);
        }

        @Override
        public void assertWhisperReachesOnlyTheAgent(String callId, String legId) {
            String[] sids = legs.get(callId);
            String coach = twilio.conferences().stream()
                    .flatMap(c -> c.participant(legId).stream())
                    .findFirst().orElseThrow(() -> new AssertionError("no participant labelled " + legId)).callSid();
            assertTrue(twilio.hears(sids[1]).contains(coach), "B50: the agent hears the coach");
            assertFalse(twilio.hears(sids[0]).contains(coach), "B50: the customer does not hear the coach");
            assertEquals(List.of(), twilio.requestViolations(), "the gateway's requests conform to Twilio's OpenAPI");
        }
    }
}
