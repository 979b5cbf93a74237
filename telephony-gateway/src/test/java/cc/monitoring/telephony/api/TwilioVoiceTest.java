package cc.monitoring.telephony.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.telephony.TwilioOnTheDouble;
import cc.monitoring.telephony.TwilioOnTheDouble.Account;
import cc.monitoring.telephony.provider.twilio.TwilioSignature;
import cc.monitoring.twiliodouble.AnswerMode;
import cc.monitoring.twiliodouble.Callback;
import cc.monitoring.twiliodouble.ConferenceState;
import cc.monitoring.twiliodouble.ParticipantState;
import cc.monitoring.twiliodouble.TwilioDouble;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cc.monitoring.telephony.api.CallsTest.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway on its Twilio adapter, against the Twilio double: calls enter through the Voice webhook, become
 * calls when the agent joins, monitor legs are Twilio participants whose state comes from Twilio's signed
 * callbacks, and every request the adapter makes conforms to Twilio's OpenAPI.
 */
@QuarkusTest
@TestProfile(TwilioOnTheDouble.class)
class TwilioVoiceTest {

    private static final TwilioDouble TWILIO = TwilioOnTheDouble.TWILIO;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A call placed through the double: the caller's and the agent's CallSids, and the gateway's call. */
    record TwilioCall(String callerSid, String agentSid, String conferenceSid, String callId) {
    }

    @Test
    void B21_B23_B24_B29_B50_aTwilioCallIsMonitoredBargedCoachedAndHungUpWhileTheCallGoesOn() {
        Account account = TwilioOnTheDouble.nextAccount();
        Tenant tenant = new Tenant(account.tenant());
        tenant.grant("agent-7", "Agent");
        TwilioCall call = placeCall(account, tenant, "+15550001001", "agent-7");

        CloudEvent started = callEvent(tenant, EventTypes.CALL_STARTED, call.callId());
        assertEquals(TwilioOnTheDouble.FLOW, started.data().path("flowId").asText(), "the flow of the called number");
        assertEquals("agent-7", started.data().path("agentId").asText(), "the agent from client:<agentId>");
        assertEquals("User agent-7", started.data().path("agentName").asText(), "the agent's name from permission-events");
        assertEquals("+15550001001", started.data().path("customerNumber").asText());

        // dial: a muted participant labelled with the leg id; connected once Twilio reports it answered
        String session = Tenant.session();
        tenant.dial(call.callId(), session, "sip:sam@pbx.example.com");
        MonitorLegEvent connected = tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, call.callId(), session);
        assertEquals(LegMode.MUTED, connected.mode(), "B21: joins muted");
        String legId = connected.legId();
        ParticipantState monitor = participant(account, call, legId).orElseThrow();
        assertTrue(monitor.muted(), "B21: muted at Twilio");
        assertFalse(monitor.endConferenceOnExit(), "B24: the monitor never ends the conference");
        String monitorSid = monitor.callSid();
        assertFalse(TWILIO.hears(call.callerSid()).contains(monitorSid), "silent: the customer does not hear the monitor");
        assertFalse(TWILIO.hears(call.agentSid()).contains(monitorSid), "silent: the agent does not hear the monitor");

        // barge (B23): confirmed by Twilio's participant-unmute callback (B29)
        tenant.setMode(call.callId(), session, LegMode.UNMUTED);
        awaitMode(tenant, call, session, LegMode.UNMUTED);
        assertTrue(TWILIO.hears(call.callerSid()).contains(monitorSid), "B23: barged, the customer hears the supervisor");
        assertTrue(TWILIO.hears(call.agentSid()).contains(monitorSid), "B23: barged, the agent hears the supervisor");

        // coach (B50): heard by the agent only
        tenant.setMode(call.callId(), session, LegMode.COACHING);
        awaitMode(tenant, call, session, LegMode.COACHING);
        ParticipantState coach = participant(account, call, legId).orElseThrow();
        assertTrue(coach.coaching());
        assertEquals(call.agentSid(), coach.callSidToCoach(), "B50: coaching the agent's call leg");
        assertTrue(TWILIO.hears(call.agentSid()).contains(monitorSid), "B50: the agent hears the coach");
        assertFalse(TWILIO.hears(call.callerSid()).contains(monitorSid), "B50: the customer does not hear the coach");

        tenant.setMode(call.callId(), session, LegMode.MUTED);
        awaitMode(tenant, call, session, LegMode.MUTED);
        assertFalse(TWILIO.hears(call.agentSid()).contains(monitorSid));

        // hang up the leg (B24): the participant leaves, the call goes on
        tenant.hangUpLeg(call.callId(), session);
        tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, call.callId(), session);
        assertTrue(participant(account, call, legId).map(p -> !p.status().equals("connected")).orElse(true));
        tenant.audit().get("/api/telephony/calls/{id}", call.callId()).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        assertEquals("in-progress", TWILIO.conference(account.sid(), call.conferenceSid()).status(), "B24: the call goes on");

        // the customer hangs up: the call ends, by the customer
        TWILIO.hangUp(call.callerSid());
        CloudEvent ended = callEvent(tenant, EventTypes.CALL_ENDED, call.callId());
        assertEquals("CUSTOMER", ended.data().path("endedBy").asText());
        assertEquals(List.of(), TWILIO.requestViolations(), "every request of the adapter conforms to Twilio's OpenAPI");
    }

    @Test
    void B25_B26_aBusyExtensionFailsTheDialAndTheAgentsHangUpEndsTheCall() {
        Account account = TwilioOnTheDouble.nextAccount();
        Tenant tenant = new Tenant(account.tenant());
        TwilioCall call = placeCall(account, tenant, "+15550001002", "agent-8");

        TWILIO.endpoints().answerMode("sip:busy@pbx.example.com", AnswerMode.BUSY);
        String busy = Tenant.session();
        tenant.dial(call.callId(), busy, "sip:busy@pbx.example.com");
        assertEquals("BUSY", tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, call.callId(), busy).reason().name());

        String open = Tenant.session();
        tenant.dial(call.callId(), open, "sip:sue@pbx.example.com");
        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, call.callId(), open);

        TWILIO.hangUp(call.agentSid());
        assertEquals("CALL_ENDED", tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, call.callId(), open).reason().name(),
                "B25: the monitor leg is released with the call");
        assertEquals("AGENT", callEvent(tenant, EventTypes.CALL_ENDED, call.callId()).data().path("endedBy").asText());
    }

    @Test
    void B29_duplicateAndLateCallbacksChangeNothing() {
        Account account = TwilioOnTheDouble.nextAccount();
        Tenant tenant = new Tenant(account.tenant());
        TwilioCall call = placeCall(account, tenant, "+15550001003", "agent-9");
        String session = Tenant.session();
        tenant.dial(call.callId(), session, "sip:mona@pbx.example.com");
        String legId = tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, call.callId(), session).legId();
        tenant.setMode(call.callId(), session, LegMode.UNMUTED);
        awaitMode(tenant, call, session, LegMode.UNMUTED);
        tenant.setMode(call.callId(), session, LegMode.MUTED);
        awaitMode(tenant, call, session, LegMode.MUTED);
        TWILIO.settle();

        // Twilio sends a callback again (a retry), and an old one arrives late: the unmute before the mute
        Callback unmute = conferenceCallback(account, "participant-unmute", legId);
        Callback mute = conferenceCallback(account, "participant-mute", legId);
        replay(unmute).then().statusCode(204);
        replay(mute).then().statusCode(204);
        replay(mute).then().statusCode(204);
        for (Callback c : TWILIO.callbacks()) {
            if (c.accountSid().equals(account.sid()) && "participant-status".equals(c.kind()) && c.url().contains(legId)) {
                replay(c).then().statusCode(204);
            }
        }

        Callback agentJoin = TWILIO.callbacks().stream().filter(c -> c.accountSid().equals(account.sid())
                && "participant-join".equals(c.param("StatusCallbackEvent")) && "agent".equals(c.param("ParticipantLabel")))
                .findFirst().orElseThrow();
        replay(agentJoin).then().statusCode(204);

        tenant.audit().get("/api/telephony/calls/{id}", call.callId()).then().statusCode(200)
                .body("monitorLegs[0].state", equalTo("CONNECTED"))
                .body("monitorLegs[0].mode", equalTo("MUTED"));
        // a barrier: the outbox relays in order, so once this is on Kafka, anything the replays wrote would be too
        tenant.hangUpLeg(call.callId(), session);
        tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, call.callId(), session);
        // exactly one event per change, and one call-started for the call
        assertEquals(1, count(tenant, call.callId(), EventTypes.CALL_STARTED));
        assertEquals(1, count(tenant, call.callId(), EventTypes.MONITOR_LEG_CONNECTED));
        assertEquals(2, count(tenant, call.callId(), EventTypes.MONITOR_LEG_MODE_CHANGED));
    }

    @Test
    void forgedSignaturesAndUnknownAccountsAreRefusedWith403() {
        Account account = TwilioOnTheDouble.nextAccount();
        String path = "/api/telephony/twilio/conference-status";
        Map<String, String> form = Map.of("AccountSid", account.sid(), "ConferenceSid", "CF00000000000000000000000000000001",
                "StatusCallbackEvent", "conference-end", "FriendlyName", "CA00000000000000000000000000000001");
        String signed = TwilioSignature.sign(account.token(), url(path), params(form));

        Map<String, String> changed = new HashMap<>(form);
        changed.put("StatusCallbackEvent", "participant-leave");
        expectProblem(given().header(TwilioSignature.HEADER, signed).formParams(changed).post(path), 403,
                "twilio-signature-invalid");
        expectProblem(given().formParams(form).post(path), 403, "twilio-signature-invalid");
        Account other = TwilioOnTheDouble.ACCOUNTS.stream().filter(a -> !a.equals(account)).findFirst().orElseThrow();
        expectProblem(given().header(TwilioSignature.HEADER, TwilioSignature.sign(other.token(), url(path), params(form)))
                .formParams(form).post(path), 403, "twilio-signature-invalid");
        Map<String, String> unknown = new HashMap<>(form);
        unknown.put("AccountSid", "AC99999999999999999999999999999999");
        expectProblem(given().header(TwilioSignature.HEADER, TwilioSignature.sign(account.token(), url(path), params(unknown)))
                .formParams(unknown).post(path), 403, "twilio-account-unknown");
        given().header(TwilioSignature.HEADER, signed).formParams(form).post(path).then().statusCode(204);
    }

    @Test
    void aNumberRoutedToNoFlowIsRejected() {
        Account account = TwilioOnTheDouble.nextAccount();
        String callSid = TWILIO.placeInboundCall(account.sid(), "+15550001004", "+15005559999");
        Callback voice = TWILIO.callbacks().stream().filter(c -> "voice".equals(c.kind()) && callSid.equals(c.param("CallSid")))
                .findFirst().orElseThrow();
        assertEquals(200, voice.status());
        assertTrue(voice.body().contains("<Reject"), voice.body());
    }

    // ------------------------------------------------------------------ helpers

    /** A customer calls the tenant's number; the router connects the agent; the gateway announces the call. */
    private static TwilioCall placeCall(Account account, Tenant tenant, String customer, String agentId) {
        String callerSid = TWILIO.placeInboundCall(account.sid(), customer, TwilioOnTheDouble.NUMBER);
        Callback voice = TWILIO.callbacks().stream().filter(c -> "voice".equals(c.kind()) && callerSid.equals(c.param("CallSid")))
                .findFirst().orElseThrow();
        assertEquals(200, voice.status(), voice.toString());
        assertTrue(voice.body().contains("<Conference"), "the caller is put into a conference: " + voice.body());
        String agentSid = TWILIO.connectAgent(account.sid(), callerSid, "client:" + agentId);
        ConferenceState conference = TWILIO.conference(account.sid(), callerSid);
        ConsumerRecord<String, String> started = tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, r -> {
            CloudEvent e = EventJson.read(r.value());
            return e.type().equals(EventTypes.CALL_STARTED) && tenant.id.equals(e.tenantid())
                    && customer.equals(e.data().path("customerNumber").asText());
        }, WAIT);
        return new TwilioCall(callerSid, agentSid, conference.sid(), started.key());
    }

    private static CloudEvent callEvent(Tenant tenant, String type, String callId) {
        return EventJson.read(tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, tenant.callEvent(type, callId), WAIT).value());
    }

    private static void awaitMode(Tenant tenant, TwilioCall call, String session, LegMode mode) {
        tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, r -> tenant.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED,
                call.callId(), session).test(r) && mode.name().equals(EventJson.read(r.value()).data().path("mode").asText()),
                WAIT);
    }

    private static Optional<ParticipantState> participant(Account account, TwilioCall call, String label) {
        return TWILIO.conference(account.sid(), call.conferenceSid()).participant(label);
    }

    private static long count(Tenant tenant, String callId, String type) {
        return tenant.kafka.readAll(Topics.TELEPHONY_EVENTS).stream()
                .filter(r -> callId.equals(r.key()) && type.equals(EventJson.read(r.value()).type())).count();
    }

    private static Callback conferenceCallback(Account account, String event, String label) {
        return TWILIO.callbacks().stream().filter(c -> c.accountSid().equals(account.sid())
                && event.equals(c.param("StatusCallbackEvent")) && label.equals(c.param("ParticipantLabel")))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no " + event + " callback for " + label));
    }

    /** Sends a recorded callback again, exactly as Twilio sent it (same URL, parameters and signature). */
    private static io.restassured.response.Response replay(Callback callback) {
        String path = callback.url().substring(("http://127.0.0.1:" + TwilioOnTheDouble.PORT).length());
        var request = given().header(TwilioSignature.HEADER, callback.signature()).contentType("application/x-www-form-urlencoded");
        for (Map.Entry<String, List<String>> p : callback.params().entrySet()) {
            request = request.formParam(p.getKey(), p.getValue().toArray());
        }
        return request.post(path);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + RestAssured.port + path;
    }

    private static Map<String, List<String>> params(Map<String, String> form) {
        Map<String, List<String>> params = new HashMap<>();
        form.forEach((k, v) -> params.put(k, List.of(v)));
        return params;
    }
}
