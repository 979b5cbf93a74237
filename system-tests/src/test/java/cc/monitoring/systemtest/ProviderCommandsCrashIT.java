package cc.monitoring.systemtest;

import cc.monitoring.launcher.Net;
import cc.monitoring.twiliodouble.ParticipantState;
import cc.monitoring.twiliodouble.RecordedRequest;
import cc.monitoring.twiliodouble.TwilioDouble;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_JOINED;
import static cc.monitoring.contracts.EventTypes.MONITOR_LEG_CONNECTED;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.contracts.Topics.MONITORING_EVENTS;
import static cc.monitoring.contracts.Topics.TELEPHONY_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Json.find;
import static cc.monitoring.systemtest.Json.only;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Provider commands survive crashes (B29): telephony-gateway is killed with SIGKILL after it consumed a dial
 * command (and wrote it as a durable row) while its provider call is in flight, before the provider applied it.
 * The provider holds that call so that this point is reached deterministically: the simulator's HOLD failure, or
 * on the Twilio path ({@code -Dsystemtest.provider=twilio}, {@link TwilioProviderCommandsCrashIT}) the Twilio
 * double's {@code hold} fault on the Participants create, released (dropped unapplied) after the kill. After the
 * restart the leg is dialed exactly once: one participant labelled with the leg id, the session ACTIVE, one
 * connected event, one join on monitoring-events and in the audit.
 */
@ExtendWith(SystemUnderTestExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Provider commands survive a SIGKILL of telephony-gateway")
class ProviderCommandsCrashIT {

    private static final String SESSIONS = "/api/monitoring/sessions";
    private static final String FLOW = "support";
    /** A restart on a busy machine, plus the answer; well inside monitoring-service's dial timeout (45 s). */
    private static final Duration RESTARTED = Duration.ofSeconds(60);

    private final SystemUnderTest sut;
    private final String tenant;
    private final Events events;
    private final User alice;
    private final User sam;
    private final User adam;
    private final User phone;
    private final String samDesk;
    private final Telephone telephone;
    private final CrashPoint crashPoint;

    ProviderCommandsCrashIT(Client client) {
        sut = client.sut();
        tenant = sut.newVoiceTenant();
        events = client.events(tenant);
        alice = client.user(tenant, "alice", "Alice Admin", "Administrator");
        sam = client.user(tenant, "sam", "Sam Sanders", "Supervisor");
        adam = client.user(tenant, "adam", "Adam Agent", "Agent");
        phone = Machines.phoneSimulator(client, tenant);
        samDesk = "sip:sam@" + tenant + ".example.com";
        telephone = sut.telephone(tenant, phone, events);
        crashPoint = sut.twilioDouble().<CrashPoint>map(TwilioHold::new).orElseGet(SimulatorHold::new);
    }

    @BeforeAll
    void administratorSetsUpTheTenant() {
        alice.permission().get("/api/me").expectJson(200);
        putUser(sam, "Supervisor", List.of(Map.of("label", "Desk phone", "kind", "SIP", "address", samDesk)));
        putUser(adam, "Agent", List.of());
        Machines.setUpPhoneSimulator(alice, phone);
        Client.awaitStatus("alice may manage flows in interaction-service",
                () -> alice.interaction().put("/api/flows/" + FLOW, Map.of("name", "Support", "silentMonitoring", true)), 201);
        awaitJson("monitoring-service knows sam", () -> sam.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));
        Client.awaitStatus("telephony-gateway knows alice may read every leg",
                () -> alice.telephony().get("/api/telephony/calls"), 200);
    }

    @Test
    @DisplayName("B29 SIGKILL between consuming a dial and calling the provider: after the restart the leg is dialed "
            + "exactly once and the session becomes ACTIVE")
    void B29_aDialSurvivesASigkillOfTheGatewayBeforeTheProviderHadIt() {
        String callId = telephone.place(FLOW, adam, "+15550109001");
        String interactionId = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId))
                .text("interactionId");
        awaitJson("the call in sam's table", () -> sam.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200),
                t -> find(t.path("items"), "interactionId", interactionId).isPresent());

        // the provider holds the dial of sam's desk phone inside the provider call
        crashPoint.holdTheDial(samDesk);
        JsonNode started = sam.monitoring().post(SESSIONS, Map.of("interactionId", interactionId, "extension", samDesk))
                .expectJson(201);
        assertEquals("DIALING", started.path("state").asText());
        String session = started.path("sessionId").asText();

        // consumed: the gateway recorded the leg, and in the same transaction the durable dial command
        JsonNode ringing = awaitJson("the gateway consumed the dial of " + session, () -> call(callId),
                c -> find(c.path("monitorLegs"), "sessionId", session).isPresent());
        String legId = only(ringing.path("monitorLegs"), "sessionId", session).path("legId").asText();
        assertEquals("RINGING", only(ringing.path("monitorLegs"), "sessionId", session).path("state").asText());
        crashPoint.awaitTheDialInFlight(callId, legId);

        ProcessHandle killed = sut.kill(Service.TELEPHONY);
        assertFalse(killed.isAlive(), "pid " + killed.pid() + " is gone");
        assertEquals(-1, Net.httpStatus(sut.url(Service.TELEPHONY) + "/q/health/live"), "nothing answers any more");
        crashPoint.afterTheKill();
        sut.startAgain(Service.TELEPHONY);

        JsonNode active = awaitJson("session " + session + " ACTIVE after the restart",
                () -> sam.monitoring().get(SESSIONS + "/" + session).expectJson(200),
                s -> !s.path("state").asText().equals("DIALING"), RESTARTED);
        assertEquals("ACTIVE", active.path("state").asText(), active.toString());
        assertEquals("SILENT", active.path("mode").asText());

        // exactly once, as the provider sees it: one participant for the leg, connected and muted
        crashPoint.assertDialedOnce(callId, legId);
        JsonNode leg = only(call(callId).path("monitorLegs"), "sessionId", session);
        assertEquals("CONNECTED", leg.path("state").asText(), leg.toString());

        // and once in what the others learned
        events.await(MONITORING_EVENTS, MONITOR_JOINED, e -> e.text("sessionId").equals(session));
        assertEquals(1, events.all(TELEPHONY_EVENTS).stream()
                .filter(e -> e.type().equals(MONITOR_LEG_CONNECTED) && e.text("sessionId").equals(session)).count());
        assertEquals(1, events.all(MONITORING_EVENTS).stream()
                .filter(e -> e.type().equals(MONITOR_JOINED) && e.text("sessionId").equals(session)).count());
        JsonNode audit = alice.monitoring().get("/api/monitoring/audit?size=200&interaction=" + interactionId).expectJson(200)
                .path("items");
        assertEquals(1, count(audit, a -> a.path("action").asText().equals("JOIN")
                && a.path("sessionId").asText().equals(session)), audit.toString());

        sam.monitoring().delete(SESSIONS + "/" + session).expectJson(200);
        telephone.hangUp(callId, "AGENT");
        events.assertNothingDeadLettered();
    }

    /** The call as the gateway recorded it, every leg (VIEW_AUDIT). */
    private JsonNode call(String callId) {
        return alice.telephony().get("/api/telephony/calls/" + callId).expectJson(200);
    }

    /** Where the provider holds the dial, and what it saw of it: the steps that differ between the providers. */
    private interface CrashPoint {
        /** The provider will hold the next dial of {@code extension} inside the provider call, unapplied. */
        void holdTheDial(String extension);

        /** The gateway's provider call for {@code legId} is in flight and the provider has not applied it. */
        void awaitTheDialInFlight(String callId, String legId);

        /** telephony-gateway is gone. */
        void afterTheKill();

        /** The provider has exactly one participant for {@code legId}, connected and muted. */
        void assertDialedOnce(String callId, String legId);
    }

    /** The simulator's HOLD failure: it holds every dial of the extension (the gateway's simulator died with it). */
    private final class SimulatorHold implements CrashPoint {
        @Override
        public void holdTheDial(String extension) {
            phone.telephony().put("/api/telephony/simulator/failures/" + extension, Map.of("failure", "HOLD")).expectJson(200);
        }

        @Override
        public void awaitTheDialInFlight(String callId, String legId) {
            assertTrue(conference(callId).path("monitorLegs").isEmpty(), "the provider does not have the dial yet");
        }

        @Override
        public void afterTheKill() {
            // the simulator lived inside the killed process; the restarted one has no failure injected
        }

        @Override
        public void assertDialedOnce(String callId, String legId) {
            JsonNode conference = conference(callId);
            assertTrue(conference.path("up").asBoolean(), conference.toString());
            assertEquals(1, conference.path("monitorLegs").size(), conference.toString());
            JsonNode participant = conference.path("monitorLegs").get(0);
            assertEquals(legId, participant.path("legId").asText());
            assertTrue(participant.path("connected").asBoolean(), conference.toString());
            assertEquals("MUTED", participant.path("mode").asText());
        }

        /** The call's conference as the simulated provider has it. */
        private JsonNode conference(String callId) {
            return alice.telephony().get("/api/telephony/simulator/conferences/" + callId).expectJson(200);
        }
    }

    /** The Twilio double's hold fault on the Participants create: the request waits in flight until released. */
    private static final class TwilioHold implements CrashPoint {
        private static final String PARTICIPANTS = ".*/Conferences/[^/]+/Participants\\.json";
        private final TwilioDouble twilio;

        TwilioHold(TwilioDouble twilio) {
            this.twilio = twilio;
        }

        @Override
        public void holdTheDial(String extension) {
            twilio.faults().hold("POST", PARTICIPANTS, 1);
        }

        @Override
        public void awaitTheDialInFlight(String callId, String legId) {
            Awaitility.await("the gateway's Participants create for " + legId + " held by the double")
                    .atMost(Duration.ofSeconds(30)).until(() -> twilio.faults().held() == 1);
            assertEquals(1, creates(legId).size(), "the held request is the dial of " + legId);
            assertEquals(List.of(), participants(legId), "the double has not applied the dial");
        }

        @Override
        public void afterTheKill() {
            twilio.faults().release(); // the held request is dropped unapplied, its client is gone
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> twilio.faults().held() == 0);
        }

        @Override
        public void assertDialedOnce(String callId, String legId) {
            List<ParticipantState> participants = participants(legId);
            assertEquals(1, participants.size(), "one participant labelled " + legId + ": " + participants);
            assertEquals("connected", participants.get(0).status(), participants.toString());
            assertTrue(participants.get(0).muted(), "silent monitoring: muted " + participants);
            assertEquals(1, creates(legId).stream().filter(r -> r.status() == 201).count(),
                    "one successful Participants create for " + legId + ": " + creates(legId));
            assertEquals(List.of(), twilio.requestViolations(), "the gateway's requests conform to Twilio's OpenAPI");
        }

        private List<RecordedRequest> creates(String legId) {
            return twilio.requests().stream().filter(r -> r.method().equals("POST")
                    && r.path().matches(PARTICIPANTS) && legId.equals(r.param("Label"))).toList();
        }

        private List<ParticipantState> participants(String legId) {
            return twilio.conferences().stream().flatMap(c -> c.participants().stream())
                    .filter(p -> legId.equals(p.label())).toList();
        }
    }

    private static long count(JsonNode array, java.util.function.Predicate<JsonNode> match) {
        long n = 0;
        for (JsonNode item : array) {
            n += match.test(item) ? 1 : 0;
        }
        return n;
    }

    private void putUser(User user, String role, List<Map<String, String>> extensions) {
        Reply reply = alice.permission().put("/api/users/" + user.id(), Map.of("displayName", user.name(), "role", role,
                "extensions", extensions));
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.body());
    }
}
