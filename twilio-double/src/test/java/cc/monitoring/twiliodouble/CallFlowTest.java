package cc.monitoring.twiliodouble;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole monitored call, as the gateway drives it, and the webhooks Twilio sends for it in Twilio's
 * order: inbound call → TwiML → conference → agent → monitor participant created muted → coach →
 * unmute → participant deleted → caller hangs up.
 */
class CallFlowTest extends DoubleFixture {

    @Test
    void aMonitoredCallSendsTwiliosWebhooksInTwiliosOrder() throws Exception {
        String customer = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        ConferenceState conference = twilio.conference(ACCOUNT, customer);
        assertEquals("init", conference.status(), "one participant does not start a conference");

        String agent = twilio.connectAgent(ACCOUNT, customer, "client:agent-7");
        assertEquals("in-progress", twilio.conference(ACCOUNT, conference.sid()).status());

        TwilioClient.Answer created = client.post("/Conferences/" + conference.sid() + "/Participants.json",
                "From", "+15559870002", "To", "client:supervisor-1", "Label", "monitor-leg-1",
                "Muted", "true", "Beep", "false", "EarlyMedia", "false",
                "StartConferenceOnEnter", "false", "EndConferenceOnExit", "false",
                "StatusCallback", app.participantCallback("leg-1"), "StatusCallbackMethod", "POST",
                "StatusCallbackEvent", "initiated", "StatusCallbackEvent", "ringing",
                "StatusCallbackEvent", "answered", "StatusCallbackEvent", "completed");
        assertEquals(201, created.status(), created.body());
        assertEquals("queued", created.json().path("status").asText());
        String monitor = created.json().path("call_sid").asText();
        twilio.settle();
        assertEquals(Set.of(customer, agent), twilio.hears(monitor), "a muted monitor hears both");

        assertEquals(200, client.post("/Conferences/" + conference.sid() + "/Participants/" + monitor + ".json",
                "Muted", "false", "Coaching", "true", "CallSidToCoach", agent).status());
        assertEquals(200, client.post("/Conferences/" + conference.sid() + "/Participants/monitor-leg-1.json",
                "Muted", "false", "Coaching", "false").status());
        assertEquals(204, client.delete("/Conferences/" + conference.sid() + "/Participants/monitor-leg-1.json").status());
        twilio.settle();
        twilio.hangUp(customer);

        assertEquals(List.of(
                "voice ringing",
                "conference participant-join customer",
                "conference conference-start",
                "conference participant-join agent",
                "participant initiated",
                "participant ringing",
                "participant in-progress",
                "conference participant-join monitor-leg-1",
                "conference participant-unmute monitor-leg-1",
                "conference participant-modify monitor-leg-1",
                "conference participant-modify monitor-leg-1",
                "conference participant-leave monitor-leg-1",
                "participant completed",
                "conference participant-leave customer",
                "conference participant-leave agent",
                "conference conference-end"), summary(twilio.callbacks()));
        assertTrue(app.badSignatures.isEmpty(), "every webhook is signed with the account's token: " + app.badSignatures);
        assertTrue(twilio.requestViolations().isEmpty(), () -> "requests conform: " + twilio.requestViolations());
        for (Callback callback : twilio.callbacks()) {
            assertTrue(callback.status() >= 200 && callback.status() < 300, "answered: " + callback);
        }

        List<Callback> conferenceEvents = twilio.callbacks().stream().filter(c -> c.kind().equals("conference-status")).toList();
        for (int i = 0; i < conferenceEvents.size(); i++) {
            Callback c = conferenceEvents.get(i);
            assertEquals(String.valueOf(i + 1), c.param("SequenceNumber"), "conference SequenceNumber counts from 1");
            assertEquals(conference.sid(), c.param("ConferenceSid"));
            assertEquals(customer, c.param("FriendlyName"));
            assertEquals(ACCOUNT, c.param("AccountSid"));
            assertNotNull(c.param("Timestamp"));
        }
        Callback coach = conferenceEvents.get(5);
        assertEquals("true", coach.param("Coaching"));
        assertEquals(agent, coach.param("CallSidToCoach"));
        assertEquals("false", coach.param("Muted"));
        Callback end = conferenceEvents.get(conferenceEvents.size() - 1);
        assertEquals("participant-with-end-conference-on-exit-left", end.param("ReasonConferenceEnded"));
        assertEquals(customer, end.param("CallSidEndingConference"));

        List<Callback> legEvents = twilio.callbacks().stream().filter(c -> c.kind().equals("participant-status")).toList();
        for (int i = 0; i < legEvents.size(); i++) {
            assertEquals(String.valueOf(i), legEvents.get(i).param("SequenceNumber"), "call progress SequenceNumber counts from 0");
            assertEquals(monitor, legEvents.get(i).param("CallSid"));
            assertEquals(app.participantCallback("leg-1"), legEvents.get(i).url());
        }

        assertEquals("completed", client.get("/Conferences/" + conference.sid() + ".json").json().path("status").asText());
        assertEquals("completed", client.get("/Calls/" + customer + ".json").json().path("status").asText());
        assertEquals("completed", client.get("/Calls/" + agent + ".json").json().path("status").asText());
        assertEquals("completed", client.get("/Calls/" + monitor + ".json").json().path("status").asText());
    }

    @Test
    void theVoiceWebhookCarriesTheInboundCallAndIsSignedForTheVoiceUrl() {
        String customer = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        Callback voice = twilio.callbacks().get(0);
        assertEquals("voice", voice.kind());
        assertEquals(app.baseUrl + TwilioDouble.VOICE_PATH, voice.url());
        assertEquals(customer, voice.param("CallSid"));
        assertEquals("+15551230001", voice.param("From"));
        assertEquals("+15559870002", voice.param("To"));
        assertEquals("inbound", voice.param("Direction"));
        assertEquals("ringing", voice.param("CallStatus"));
        assertEquals(TwilioRequestSignature.sign(FakeApplication.TOKEN, voice.url(), voice.params()), voice.signature());
    }

    @Test
    void whenTheAgentHangsUpTheConferenceGoesOnWithTheCallerAndEndsWithTheLastParticipant() {
        app.twiml = form -> "<Response><Dial><Conference statusCallback=\"" + app.baseUrl
                + "/api/telephony/twilio/conference-status\" statusCallbackEvent=\"start end join leave\">room-1"
                + "</Conference></Dial></Response>";
        String customer = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        String agent = twilio.connectAgent(ACCOUNT, "room-1", "client:agent-7");
        twilio.hangUp(agent);
        assertEquals("in-progress", twilio.conference(ACCOUNT, "room-1").status());
        twilio.hangUp(customer);
        ConferenceState ended = twilio.conference(ACCOUNT, "room-1");
        assertEquals("completed", ended.status());
        assertEquals(List.of(
                "voice ringing",
                "conference participant-join",
                "conference conference-start",
                "conference participant-join agent",
                "conference participant-leave agent",
                "conference participant-leave",
                "conference conference-end"), summary(twilio.callbacks()));
        assertEquals("last-participant-left", twilio.callbacks().get(6).param("ReasonConferenceEnded"));
    }

    @Test
    void aParticipantWithoutStartConferenceOnEnterDoesNotStartTheConference() throws Exception {
        String customer = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        String conference = twilio.conference(ACCOUNT, customer).sid();
        String monitor = addMonitor(conference, "monitor-leg-1", "client:supervisor-1");
        assertEquals("init", twilio.conference(ACCOUNT, conference).status(), "the monitor joined with StartConferenceOnEnter=false");
        assertEquals(Set.of(), twilio.hears(monitor), "both hear the wait music until the conference starts");
        String agent = twilio.connectAgent(ACCOUNT, conference, "client:agent-7");
        assertEquals("in-progress", twilio.conference(ACCOUNT, conference).status());
        assertEquals(Set.of(customer, agent), twilio.hears(monitor));
        assertEquals(List.of(
                "voice ringing",
                "conference participant-join customer",
                "participant initiated",
                "participant ringing",
                "participant in-progress",
                "conference participant-join monitor-leg-1",
                "conference conference-start",
                "conference participant-join agent"), summary(twilio.callbacks()));
    }

    @Test
    void aVoiceUrlThatFailsOrRejectsEndsTheCallWithoutAConference() throws Exception {
        app.twiml = form -> "<Response><Reject reason=\"busy\"/></Response>";
        String rejected = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        assertEquals("busy", client.get("/Calls/" + rejected + ".json").json().path("status").asText());
        app.twiml = form -> "this is not TwiML";
        String broken = twilio.placeInboundCall(ACCOUNT, "+15551230001", "+15559870002");
        assertEquals("completed", client.get("/Calls/" + broken + ".json").json().path("status").asText());
        assertEquals(List.of(), twilio.conferences());
    }

    @Test
    void endingTheConferenceThroughTheApiSendsEveryLeaveThenTheEnd() throws Exception {
        String[] call = customerAndAgent();
        twilio.reset();
        client.post("/Conferences/" + call[2] + ".json", "Status", "completed");
        twilio.settle();
        assertEquals(List.of("conference participant-leave customer", "conference participant-leave agent",
                "conference conference-end"), summary(twilio.callbacks()));
        assertEquals("conference-ended-via-api", twilio.callbacks().get(2).param("ReasonConferenceEnded"));
    }

    @Test
    void anOutboundCallAsksItsUrlForTwimlOnceAnsweredAndReportsItsProgress() throws Exception {
        TwilioClient.Answer created = client.post("/Calls.json", "To", "+15550000001", "From", "+15559870002",
                "Url", app.baseUrl + TwilioDouble.VOICE_PATH, "StatusCallback", app.participantCallback("out"),
                "StatusCallbackEvent", "initiated", "StatusCallbackEvent", "ringing",
                "StatusCallbackEvent", "answered", "StatusCallbackEvent", "completed");
        assertEquals(201, created.status(), created.body());
        String sid = created.json().path("sid").asText();
        twilio.settle();
        assertEquals(List.of("participant initiated", "participant ringing", "participant in-progress",
                "voice in-progress", "conference participant-join customer"), summary(twilio.callbacks()));
        assertEquals("outbound-api", twilio.callbacks().get(3).param("Direction"));
        assertEquals("init", twilio.conference(ACCOUNT, sid).status());
        twilio.hangUp(sid);
        assertEquals("participant completed", summary(twilio.callbacks()).get(summary(twilio.callbacks()).size() - 1));
        assertEquals("completed", twilio.callbacks().get(twilio.callbacks().size() - 1).param("CallStatus"));
    }
}
