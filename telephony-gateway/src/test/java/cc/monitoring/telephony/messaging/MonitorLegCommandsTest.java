package cc.monitoring.telephony.messaging;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands on telephony-commands, as monitoring-service sends them, against the real broker and database. */
@QuarkusTest
class MonitorLegCommandsTest {

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
        assertEquals(EventTypes.MONITOR_LEG_CONNECTED, TopicReader.header(record, "ce_type"));
        MonitorLegEvent connected = event.dataAs(MonitorLegEvent.class);
        assertEquals(tenant.id, connected.tenantId());
        assertEquals(callId, connected.callId());
        assertEquals(session, connected.sessionId());
        assertNotNull(connected.legId());
        assertEquals(LegMode.MUTED, connected.mode());
        assertNull(connected.reason());
        assertTrue(!connected.at().isBefore(sent.plus(ANSWER_DELAY)), "the leg rang for the answer delay first");

        tenant.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
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
        tenant.api().get("/api/telephony/calls/{id}", callId).then().body("monitorLegs[0].mode", equalTo("COACHING"));
    }

    @Test
    void B24_hangingUpAMonitorLegNeverEndsTheCall() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String leaving = tenant.connectedLeg(callId);
        String staying = tenant.connectedLeg(callId);

        tenant.hangUpLeg(callId, leaving);
        MonitorLegEvent ended = tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, leaving);
        assertEquals("HUNG_UP", ended.reason());

        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, tenant.callEvent(EventTypes.CALL_ENDED, callId), QUIET);
        tenant.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
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
        // rings until the no-answer timeout (1 s in tests): long enough to be hung up while ringing
        tenant.dial(callId, session, "sip:noanswer@pbx.example.com");
        tenant.hangUpLeg(callId, session);

        assertEquals("HUNG_UP", tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, session).reason());
        tenant.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, tenant.legEvent(EventTypes.MONITOR_LEG_FAILED, callId, session)
                .or(tenant.legEvent(EventTypes.MONITOR_LEG_CONNECTED, callId, session)), QUIET);
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
        assertEquals(failure, failed.reason());
        assertNull(failed.mode());
        tenant.api().get("/api/telephony/calls/{id}", callId).then()
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
        assertEquals("CALL_NOT_FOUND", tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, unknown, session).reason());

        String callId = tenant.placeCall();
        tenant.hangUp(callId, "AGENT");
        tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, tenant.callEvent(EventTypes.CALL_ENDED, callId), Tenant.WAIT);
        String late = Tenant.session();
        tenant.dial(callId, late, "sip:sam@pbx.example.com");
        assertEquals("CALL_NOT_FOUND", tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, late).reason());
    }

    @Test
    void B06_aCommandForAnotherTenantsCallIsCallNotFoundAndLeavesTheCallAlone() {
        Tenant owner = new Tenant();
        Tenant intruder = new Tenant();
        String callId = owner.placeCall();
        String ownersSession = owner.connectedLeg(callId);

        String session = Tenant.session();
        intruder.dial(callId, session, "sip:mallory@pbx.example.com");
        assertEquals("CALL_NOT_FOUND", intruder.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, session).reason());
        // the intruder addresses the owner's session: not found in the intruder's tenant
        intruder.hangUpLeg(callId, ownersSession);
        intruder.setMode(callId, ownersSession, LegMode.UNMUTED);
        MonitorLegEvent refused = intruder.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, ownersSession);
        assertEquals("CALL_NOT_FOUND", refused.reason());
        assertEquals(intruder.id, refused.tenantId());

        owner.kafka.assertNoRecord(Topics.TELEPHONY_EVENTS, owner.legEvent(EventTypes.MONITOR_LEG_ENDED, callId, ownersSession)
                .or(owner.legEvent(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, ownersSession)), QUIET);
        owner.api().get("/api/telephony/calls/{id}", callId).then()
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
        tenant.api().get("/api/telephony/calls/{id}", callId).then().body("monitorLegs", hasSize(2));
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
        tenant.api().get("/api/telephony/calls/{id}", callId).then()
                .body("monitorLegs", hasSize(1))
                .body("monitorLegs[0].sessionId", equalTo(session));
    }
}
