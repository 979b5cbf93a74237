package cc.monitoring.telephony.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import jakarta.inject.Inject;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands on telephony-commands, as monitoring-service sends them, against the real broker and database. */
@QuarkusTest
class MonitorLegCommandsTest {

    @Inject
    SimulatedNetwork network;

    private static final Duration ANSWER_DELAY = Duration.ofMillis(300);
    private static final Duration QUIET = Duration.ofSeconds(1);

    @Test
    void B21_aDialedLegConnectsMutedAfterItRang() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        Instant sent = Instant.now();
        tenant.dial(callId, session, "sip:sam@pbx.example.com");

        ConsumerRecord<String, String> record = tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS,
                tenant.legEvent(EventTypes.MONITOR_LEG_CONNECTED, callId, session), Tenant.WAIT);
        CloudEvent event = EventJson.read(record.value());
        assertEquals(callId, record.key());
        assertEquals("/telephony-gateway", event.source());
        assertEquals(callId, event.subject());
        assertEquals(tenant.id, event.tenantid());
        assertEquals(EventTypes.MONITOR_LEG_CONNECTED, EventJson.read(record.value()).type());
        MonitorLegEvent connected = event.dataAs(MonitorLegEvent.class);
        assertEquals(tenant.id, connected.tenantId());
        assertEquals(callId, connected.callId());
        assertEquals(session, connected.sessionId());
        assertNotNull(connected.legId());
        assertEquals(LegMode.MUTED, connected.mode());
        assertNull(connected.reason());
        assertTrue(!connected.at().isBefore(sent.plus(ANSWER_DELAY)), "the leg rang for the answer delay first");

        tenant.audit().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .body("monitorLegs", hasSize(1))
                .body("monitorLegs[0].legId", equalTo(connected.legId()))
                .body("monitorLegs[0].sessionId", equalTo(session))
                .body("monitorLegs[0].state", equalTo("CONNECTED"))
                .body("monitorLegs[0].mode", equalTo("MUTED"));
    }

    @Test
    void B23_B50_changingTheModeIsReportedAsMutedChanged() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = tenant.connectedLeg(callId);

        tenant.setMode(callId, session, LegMode.UNMUTED);
        assertEquals(LegMode.UNMUTED, tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, session).mode());
        tenant.setMode(callId, session, LegMode.COACHING);
        tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, tenant.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, session)
                .and(r -> r.value().contains("\"COACHING\"")), Tenant.WAIT);
        tenant.audit().get("/api/telephony/calls/{id}", callId).then().body("monitorLegs[0].mode", equalTo("COACHING"));
    }

    @Test
    void B24_hangingUpAMonitorLegNeverEndsTheCall() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String leaving = tenant.connectedLeg(callId);
        String staying = tenant.connectedLeg(callId);

        tenant.hangUpLeg(callId, leaving);
        MonitorLegEvent ended = tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, leaving);
        assertEquals(LegReason.HUNG_UP, ended.reason());

        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, tenant.callEvent(EventTypes.CALL_ENDED, callId), QUIET);
        tenant.audit().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("participants.present", equalTo(List.of(true, true)))
                .body("monitorLegs.find { it.sessionId == '" + leaving + "' }.state", equalTo("ENDED"))
                .body("monitorLegs.find { it.sessionId == '" + staying + "' }.state", equalTo("CONNECTED"));
    }

    @Test
    void B24_hangingUpARingingLegCancelsIt() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:desk-" + session + "@pbx.example.com";
        // rings until told: no no-answer timer for the hang-up to race, however loaded the machine is
        tenant.injectFailure(address, "RING_FOREVER");
        tenant.dial(callId, session, address);
        await().atMost(Tenant.WAIT).until(() -> "RINGING".equals(legState(tenant, callId, session)));
        String legId = tenant.legId(callId, session);

        tenant.hangUpLeg(callId, session);

        assertEquals(LegReason.HUNG_UP, tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, session).reason());
        network.answerNow(callId, legId); // the supervisor's phone picks up too late: nothing connects
        assertTrue(network.conference(callId).orElseThrow().monitorLegs().isEmpty(), "the leg left the conference");
        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, tenant.legEvent(EventTypes.MONITOR_LEG_FAILED, callId, session)
                .or(tenant.legEvent(EventTypes.MONITOR_LEG_CONNECTED, callId, session)), QUIET);
        assertEquals("ENDED", legState(tenant, callId, session));
    }

    @Test
    void B29_modeChangeIsConfirmedByTheProvider() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = tenant.connectedLeg(callId);
        String legId = tenant.legId(callId, session);

        tenant.setMode(callId, session, LegMode.UNMUTED);

        MonitorLegEvent changed = tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, session);
        assertEquals(LegMode.UNMUTED, changed.mode());
        assertEquals(legId, changed.legId());
        // announced only once the provider carried it out: the provider's conference has the leg unmuted
        assertEquals(new SimulatedNetwork.LegView(true, LegMode.UNMUTED),
                network.conference(callId).orElseThrow().monitorLegs().get(legId));
        tenant.audit().get("/api/telephony/calls/{id}", callId).then().body("monitorLegs[0].mode", equalTo("UNMUTED"));
        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS,
                tenant.legEvent(EventTypes.MONITOR_LEG_MODE_REFUSED, callId, session), QUIET);
    }

    @Test
    void B29_refusedModeChangeIsReported() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:desk-" + session + "@pbx.example.com";
        tenant.dial(callId, session, address);
        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        String legId = tenant.legId(callId, session);
        tenant.injectFailure(address, "REFUSE_MODE_CHANGE"); // the provider answers the next change with an error

        tenant.setMode(callId, session, LegMode.UNMUTED);

        MonitorLegEvent refused = tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_REFUSED, callId, session);
        assertEquals(LegMode.MUTED, refused.mode(), "the mode the leg keeps");
        assertEquals(LegReason.PROVIDER_ERROR, refused.reason());
        assertEquals(legId, refused.legId());
        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS,
                tenant.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, session), QUIET);
        assertEquals(LegMode.MUTED, network.conference(callId).orElseThrow().monitorLegs().get(legId).mode());
        tenant.audit().get("/api/telephony/calls/{id}", callId).then()
                .body("monitorLegs[0].state", equalTo("CONNECTED"))
                .body("monitorLegs[0].mode", equalTo("MUTED"))
                .body("monitorLegs[0].reason", equalTo(null));
    }

    @Test
    void B29_aModeChangeOfALegThatIsNotConnectedOrWhoseCallEndedIsRefused() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String ringing = Tenant.session();
        tenant.dial(callId, ringing, "sip:ring-forever-" + ringing + "@pbx.example.com");
        await().atMost(Tenant.WAIT).until(() -> "RINGING".equals(legState(tenant, callId, ringing)));
        tenant.setMode(callId, ringing, LegMode.UNMUTED);
        MonitorLegEvent notConnected = tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_REFUSED, callId, ringing);
        assertEquals(LegReason.LEG_NOT_CONNECTED, notConnected.reason());
        assertNull(notConnected.mode(), "a leg that is not connected has no mode");

        String connected = tenant.connectedLeg(callId);
        tenant.hangUp(callId, "CUSTOMER");
        tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, connected);
        tenant.setMode(callId, connected, LegMode.COACHING);
        assertEquals(LegReason.CALL_ENDED, tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_REFUSED, callId, connected).reason());
        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, tenant.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, ringing)
                .or(tenant.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, connected)), QUIET);
    }

    private static String legState(Tenant tenant, String callId, String session) {
        return tenant.audit().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .extract().path("monitorLegs.find { it.sessionId == '" + session + "' }.state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BUSY", "NO_ANSWER", "UNKNOWN_EXTENSION"})
    void B26_anInjectedFailureFailsTheLegWithThatReason(String failure) {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String address = "sip:ext-" + Tenant.session() + "@pbx.example.com";
        tenant.injectFailure(address, failure);
        String session = Tenant.session();
        tenant.dial(callId, session, address);

        MonitorLegEvent failed = tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, session);
        assertEquals(LegReason.valueOf(failure), failed.reason());
        assertNull(failed.mode());
        tenant.audit().get("/api/telephony/calls/{id}", callId).then()
                .body("state", equalTo("ACTIVE"))
                .body("monitorLegs[0].state", equalTo("FAILED"))
                .body("monitorLegs[0].reason", equalTo(failure));
    }

    @Test
    void B26_dialingIntoAnUnknownOrEndedCallFailsWithCallNotFound() {
        Tenant tenant = new Tenant();
        String unknown = "no-such-call";
        String session = Tenant.session();
        tenant.dial(unknown, session, "sip:sam@pbx.example.com");
        assertEquals(LegReason.CALL_NOT_FOUND, tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, unknown, session).reason());

        String callId = tenant.placeCall();
        tenant.hangUp(callId, "AGENT");
        tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, tenant.callEvent(EventTypes.CALL_ENDED, callId), Tenant.WAIT);
        String late = Tenant.session();
        tenant.dial(callId, late, "sip:sam@pbx.example.com");
        assertEquals(LegReason.CALL_NOT_FOUND, tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, late).reason());
    }

    @Test
    void B06_aCommandForAnotherTenantsCallIsCallNotFoundAndLeavesTheCallAlone() {
        Tenant owner = new Tenant();
        Tenant intruder = new Tenant();
        String callId = owner.placeCall();
        String ownersSession = owner.connectedLeg(callId);

        String session = Tenant.session();
        intruder.dial(callId, session, "sip:mallory@pbx.example.com");
        assertEquals(LegReason.CALL_NOT_FOUND, intruder.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, session).reason());
        // the intruder addresses the owner's session: not found in the intruder's tenant
        intruder.hangUpLeg(callId, ownersSession);
        intruder.setMode(callId, ownersSession, LegMode.UNMUTED);
        MonitorLegEvent refused = intruder.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, ownersSession);
        assertEquals(LegReason.CALL_NOT_FOUND, refused.reason());
        assertEquals(intruder.id, refused.tenantId());

        owner.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, owner.legEvent(EventTypes.MONITOR_LEG_ENDED, callId, ownersSession)
                .or(owner.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, ownersSession)), QUIET);
        owner.audit().get("/api/telephony/calls/{id}", callId).then()
                .body("state", equalTo("ACTIVE"))
                .body("monitorLegs", hasSize(1))
                .body("monitorLegs[0].state", equalTo("CONNECTED"))
                .body("monitorLegs[0].mode", equalTo("MUTED"));
    }

    @Test
    void aRepeatedDialMakesNoSecondLeg() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        CloudEvent dial = tenant.dial(callId, session, "sip:sam@pbx.example.com");
        Tenant.sendRaw(callId, EventJson.write(dial));                       // redelivered: same event id
        tenant.send(EventTypes.DIAL_MONITOR_LEG, callId,                      // sent again: new event id
                new DialMonitorLeg(tenant.id, callId, session, "supervisor-1", "SIP", "sip:sam@pbx.example.com"));

        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        // a marker command behind the duplicates in the same partition: once it is applied, so are they
        String marker = tenant.connectedLeg(callId);
        assertNotNull(marker);
        long connected = tenant.kafka.readAll(Topics.TELEPHONY_EVENTS).stream()
                .filter(tenant.legEvent(EventTypes.MONITOR_LEG_CONNECTED, callId, session)).count();
        assertEquals(1, connected);
        tenant.audit().get("/api/telephony/calls/{id}", callId).then().body("monitorLegs", hasSize(2));
    }

    @Test
    void aMalformedCommandGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String poison = "{\"not\": \"a cloud event\", \"marker\": \"" + callId + "\"}";
        Tenant.sendRaw(callId, poison);
        CloudEvent noSession = tenant.send(EventTypes.DIAL_MONITOR_LEG, callId,
                new DialMonitorLeg(tenant.id, callId, null, "supervisor-1", "SIP", "sip:sam@pbx.example.com"));
        String session = tenant.connectedLeg(callId);

        ConsumerRecord<String, String> parked = tenant.kafka.awaitRecord(Topics.deadLetter(Topics.TELEPHONY_COMMANDS),
                r -> poison.equals(r.value()), Tenant.WAIT);
        assertEquals("telephony-gateway", TopicReader.header(parked, "dlq-consumer"));
        assertEquals(Topics.TELEPHONY_COMMANDS, TopicReader.header(parked, "dlq-original-topic"));
        ConsumerRecord<String, String> refused = tenant.kafka.awaitRecord(Topics.deadLetter(Topics.TELEPHONY_COMMANDS),
                r -> r.value().contains(noSession.id()), Tenant.WAIT);
        assertTrue(TopicReader.header(refused, "dlq-reason").contains("sessionId is required"));
        tenant.audit().get("/api/telephony/calls/{id}", callId).then()
                .body("monitorLegs", hasSize(1))
                .body("monitorLegs[0].sessionId", equalTo(session));
    }
}
