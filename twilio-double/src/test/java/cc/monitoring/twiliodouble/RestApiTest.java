package cc.monitoring.twiliodouble;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API as Twilio serves it: basic auth, error bodies, resources shaped as Twilio's OpenAPI says. */
class RestApiTest extends DoubleFixture {

    private final TwilioOpenApi openApi = TwilioOpenApi.vendored();

    @Test
    void withoutCredentialsOrWithAWrongTokenTheAnswerIs401WithError20003() throws IOException {
        for (TwilioClient other : List.of(new TwilioClient(twilio.baseUrl(), ACCOUNT, null),
                new TwilioClient(twilio.baseUrl(), ACCOUNT, "wrong-token"))) {
            TwilioClient.Answer answer = other.get("/Calls.json");
            assertEquals(401, answer.status());
            assertEquals(20003, answer.json().path("code").asInt());
            assertEquals("Authenticate", answer.json().path("message").asText());
            assertEquals("https://www.twilio.com/docs/errors/20003", answer.json().path("more_info").asText());
            assertEquals(401, answer.json().path("status").asInt());
        }
        TwilioClient unknownAccount = new TwilioClient(twilio.baseUrl(), "AC" + "f".repeat(32), FakeApplication.TOKEN);
        assertEquals(401, unknownAccount.get("/Calls.json").status());
        assertEquals(200, client.get("/Calls.json").status());
    }

    @Test
    void anUnknownResourceIs404WithTwiliosErrorBody() throws IOException {
        String path = client.path("/Calls/CA" + "0".repeat(32) + ".json");
        TwilioClient.Answer answer = client.get("/Calls/CA" + "0".repeat(32) + ".json");
        assertEquals(404, answer.status());
        JsonNode error = answer.json();
        assertEquals(20404, error.path("code").asInt());
        assertEquals("The requested resource " + path + " was not found", error.path("message").asText());
        assertEquals("https://www.twilio.com/docs/errors/20404", error.path("more_info").asText());
        assertEquals(404, error.path("status").asInt());
        assertEquals(404, client.get("/Conferences/CF" + "0".repeat(32) + ".json").status());
        assertEquals(404, client.get("/Conferences/CF" + "0".repeat(32) + "/Participants/CA" + "0".repeat(32) + ".json").status());
        assertEquals(404, client.get("/Recordings.json").status());
    }

    @Test
    void everyResourceTheDoubleAnswersConformsToTwiliosOpenApi() throws IOException {
        String[] call = customerAndAgent();
        String conference = call[2];
        String monitor = addMonitor(conference, "monitor-leg-1", "client:supervisor-1");
        String c = "/Conferences/" + conference;
        conforms("GET", "/Calls.json", client.get("/Calls.json"));
        conforms("GET", "/Calls/" + call[0] + ".json", client.get("/Calls/" + call[0] + ".json"));
        conforms("GET", "/Conferences.json", client.get("/Conferences.json"));
        conforms("GET", c + ".json", client.get(c + ".json"));
        conforms("GET", c + "/Participants.json", client.get(c + "/Participants.json"));
        conforms("GET", c + "/Participants/" + monitor + ".json", client.get(c + "/Participants/" + monitor + ".json"));
        conforms("POST", c + "/Participants/" + monitor + ".json",
                client.post(c + "/Participants/" + monitor + ".json", "Muted", "false", "Coaching", "true", "CallSidToCoach", call[1]));
        conforms("POST", c + "/Participants.json", client.post(c + "/Participants.json",
                "From", "+15559870002", "To", "client:supervisor-2", "Label", "monitor-leg-2"));
        conforms("DELETE", c + "/Participants/monitor-leg-2.json", client.delete(c + "/Participants/monitor-leg-2.json"));
        conforms("POST", "/Calls.json", client.post("/Calls.json", "To", "+15550000001", "From", "+15559870002",
                "Twiml", "<Response><Hangup/></Response>"));
        conforms("POST", c + ".json", client.post(c + ".json", "Status", "completed"));
        conforms("GET", "/Calls/" + call[0] + ".json", client.get("/Calls/" + call[0] + ".json"));
        conforms("GET", c + ".json", client.get(c + ".json"));
        conforms("DELETE", "/Calls/" + call[0] + ".json", client.delete("/Calls/" + call[0] + ".json"));
        String outbound = client.post("/Calls.json", "To", "client:x", "From", "+15559870002",
                "Twiml", "<Response><Pause/></Response>").json().path("sid").asText();
        conforms("POST", "/Calls/" + outbound + ".json", client.post("/Calls/" + outbound + ".json", "Status", "completed"));
        conforms("GET", "/Calls/" + call[0] + ".json", client.get("/Calls/" + call[0] + ".json"));
        conforms("GET", c + "/Participants/agent.json", client.get(c + "/Participants/agent.json"));
        assertTrue(twilio.requestViolations().isEmpty(), () -> "requests conform: " + twilio.requestViolations());
    }

    @Test
    void resourcesCarryTwiliosSidsDatesAndUris() throws IOException {
        String[] call = customerAndAgent();
        JsonNode conference = client.get("/Conferences/" + call[2] + ".json").json();
        assertTrue(conference.path("sid").asText().matches("CF[0-9a-f]{32}"));
        assertEquals("in-progress", conference.path("status").asText());
        assertEquals(client.path("/Conferences/" + call[2] + ".json"), conference.path("uri").asText());
        assertEquals(client.path("/Conferences/" + call[2] + "/Participants.json"),
                conference.path("subresource_uris").path("participants").asText());
        assertTrue(conference.path("date_created").asText().matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000"));
        JsonNode customer = client.get("/Calls/" + call[0] + ".json").json();
        assertEquals("inbound", customer.path("direction").asText());
        assertEquals("in-progress", customer.path("status").asText());
        JsonNode agent = client.get("/Calls/" + call[1] + ".json").json();
        assertEquals("outbound-api", agent.path("direction").asText());
        assertEquals("client:agent-7", agent.path("to").asText());
        JsonNode participants = client.get("/Conferences/" + call[2] + "/Participants.json").json().path("participants");
        assertEquals(2, participants.size());
        assertEquals("customer", participants.get(0).path("label").asText());
        assertEquals("connected", participants.get(0).path("status").asText());
        assertTrue(participants.get(0).path("end_conference_on_exit").asBoolean());
        assertEquals("agent", participants.get(1).path("label").asText());
    }

    @Test
    void aParticipantIsFetchedUpdatedAndDeletedByItsLabelAsByItsCallSid() throws IOException {
        String[] call = customerAndAgent();
        String c = "/Conferences/" + call[2] + "/Participants/";
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        assertEquals(monitor, client.get(c + "monitor-leg-1.json").json().path("call_sid").asText());
        assertEquals(monitor, client.get(c + monitor + ".json").json().path("call_sid").asText());
        JsonNode updated = client.post(c + "monitor-leg-1.json", "Muted", "false").json();
        assertFalse(updated.path("muted").asBoolean());
        assertEquals(monitor, updated.path("call_sid").asText());
        assertEquals(call[1], client.get(c + "agent.json").json().path("call_sid").asText());
        assertEquals(204, client.delete(c + "monitor-leg-1.json").status());
        assertEquals(404, client.get(c + "monitor-leg-1.json").status());
        assertEquals(404, client.get(c + monitor + ".json").status());
        assertEquals("completed", client.get("/Calls/" + monitor + ".json").json().path("status").asText());
    }

    @Test
    void aSecondParticipantWithALabelInUseIsRefusedWith16026() throws IOException {
        String[] call = customerAndAgent();
        addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        TwilioClient.Answer again = client.post("/Conferences/" + call[2] + "/Participants.json",
                "From", "+15559870002", "To", "client:supervisor-2", "Label", "monitor-leg-1");
        assertEquals(400, again.status());
        assertEquals(16026, again.json().path("code").asInt());
        assertEquals(3, twilio.conference(ACCOUNT, call[2]).participants().size(), "nobody was dialed");
        TwilioClient.Answer sidLike = client.post("/Conferences/" + call[2] + "/Participants.json",
                "From", "+15559870002", "To", "client:supervisor-2", "Label", "CA" + "1".repeat(32));
        assertEquals(16024, sidLike.json().path("code").asInt());
    }

    @Test
    void requiredParametersAndCoachingWithoutAParticipantToCoachAreRefusedWith400() throws IOException {
        String[] call = customerAndAgent();
        TwilioClient.Answer noTo = client.post("/Conferences/" + call[2] + "/Participants.json", "From", "+15559870002");
        assertEquals(400, noTo.status());
        assertEquals("Missing required parameter To in the post body", noTo.json().path("message").asText());
        String monitor = addMonitor(call[2], "monitor-leg-1", "client:supervisor-1");
        TwilioClient.Answer noCoached = client.post("/Conferences/" + call[2] + "/Participants/" + monitor + ".json",
                "Coaching", "true");
        assertEquals(400, noCoached.status());
        TwilioClient.Answer stranger = client.post("/Conferences/" + call[2] + "/Participants/" + monitor + ".json",
                "Coaching", "true", "CallSidToCoach", "CA" + "2".repeat(32));
        assertEquals(400, stranger.status());
        assertEquals(400, client.post("/Conferences/" + call[2] + "/Participants/" + monitor + ".json",
                "Muted", "maybe").status());
    }

    @Test
    void aRequestTwilioWouldNotUnderstandIsRecordedAsAViolation() throws IOException {
        String[] call = customerAndAgent();
        client.post("/Conferences/" + call[2] + "/Participants/agent.json", "Mute", "true");
        List<RequestViolation> violations = twilio.requestViolations();
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).problems().get(0).contains("Mute"), violations.toString());
    }

    @Test
    void endingTheConferenceThroughTheApiEndsEveryCallInIt() throws IOException {
        String[] call = customerAndAgent();
        JsonNode ended = client.post("/Conferences/" + call[2] + ".json", "Status", "completed").json();
        assertEquals("completed", ended.path("status").asText());
        assertEquals("conference-ended-via-api", ended.path("reason_conference_ended").asText());
        twilio.settle();
        assertEquals("completed", client.get("/Calls/" + call[0] + ".json").json().path("status").asText());
        assertEquals("completed", client.get("/Calls/" + call[1] + ".json").json().path("status").asText());
        assertEquals(404, client.post("/Conferences/" + call[2] + "/Participants.json",
                "From", "+15559870002", "To", "client:late").status(), "a completed conference takes nobody");
    }

    @Test
    void redirectingTheCallerOutOfTheConferenceEndsItForEveryoneElse() throws IOException {
        String[] call = customerAndAgent();
        String second = "<Response><Dial><Conference>elsewhere</Conference></Dial></Response>";
        assertEquals(200, client.post("/Calls/" + call[0] + ".json", "Twiml", second).status());
        twilio.settle();
        assertEquals("completed", twilio.conference(ACCOUNT, call[2]).status(), "the caller had EndConferenceOnExit");
        assertEquals("completed", client.get("/Calls/" + call[1] + ".json").json().path("status").asText());
        assertEquals("in-progress", client.get("/Calls/" + call[0] + ".json").json().path("status").asText());
        assertEquals("init", twilio.conference(ACCOUNT, "elsewhere").status());
    }

    @Test
    void datesComeFromTheGivenClockInTwiliosRfc2822Form() throws Exception {
        java.time.Clock fixed = java.time.Clock.fixed(java.time.Instant.parse("2026-12-03T14:05:54Z"), java.time.ZoneOffset.UTC);
        try (TwilioDouble other = TwilioDouble.start(options().clock(fixed))) {
            String customer = other.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
            JsonNode call = new TwilioClient(other.baseUrl(), ACCOUNT, FakeApplication.TOKEN)
                    .get("/Calls/" + customer + ".json").json();
            assertEquals("Thu, 03 Dec 2026 14:05:54 +0000", call.path("date_created").asText());
            assertEquals("Thu, 03 Dec 2026 14:05:54 +0000", call.path("start_time").asText());
            assertEquals("Thu, 03 Dec 2026 14:05:54 +0000", other.callbacks().get(1).param("Timestamp"));
        }
    }

    private void conforms(String method, String rest, TwilioClient.Answer answer) {
        List<String> problems = openApi.checkResponse(method, client.path(rest), answer.status(), answer.body());
        assertTrue(problems.isEmpty(), () -> method + " " + rest + " → " + answer.status() + ": " + problems + "\n" + answer.body());
    }
}
