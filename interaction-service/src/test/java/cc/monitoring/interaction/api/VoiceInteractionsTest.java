package cc.monitoring.interaction.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class VoiceInteractionsTest {

    @Test
    void B03_callStartedPublishesInteractionStartedWithTheFlowsToggleThenTheAgentAndTheCustomerJoined() {
        Api api = new Api().withAdministrator();
        api.asAdmin().body(Api.flow("Sales", true)).put("/api/flows/{f}", "sales").then().statusCode(201);
        String callId = "call-" + UUID.randomUUID();
        CloudEvent call = api.callStartedEvent(callId, "sales", "agent-7");
        Api.send(Topics.TELEPHONY_EVENTS, callId, call);

        ConsumerRecord<String, String> startedRecord = api.awaitInteractionEvent(EventTypes.INTERACTION_STARTED,
                r -> callId.equals(Api.data(r).path("callId").asText()));
        String interactionId = startedRecord.key();
        CloudEvent started = EventJson.read(startedRecord.value());
        assertEquals("/interaction-service", started.source());
        assertEquals(interactionId, started.subject());
        assertEquals(api.tenant, started.tenantid());
        assertEquals(started.id(), Api.idOf(startedRecord));
        Instant at = call.dataAs(CallStarted.class).at();
        assertEquals(new InteractionStarted(api.tenant, interactionId, Channel.VOICE, "sales", "Sales", true, "agent-7",
                "Agent agent-7", "+14155550123", callId, at), started.dataAs(InteractionStarted.class));

        ConsumerRecord<String, String> customerRecord = api.awaitInteractionEvent(EventTypes.PARTICIPANT_JOINED,
                r -> interactionId.equals(r.key()) && "CUSTOMER".equals(Api.data(r).path("role").asText()));
        List<CloudEvent> events = api.eventsOf(interactionId);
        assertEquals(List.of(EventTypes.INTERACTION_STARTED, EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_JOINED),
                events.stream().map(CloudEvent::type).toList(), "started, then agent and customer joined, in order");
        assertEquals(new ParticipantChanged(api.tenant, interactionId, "agent-7", ParticipantRole.AGENT, "Agent agent-7", at),
                events.get(1).dataAs(ParticipantChanged.class));
        assertEquals(new ParticipantChanged(api.tenant, interactionId, "+14155550123", ParticipantRole.CUSTOMER,
                "+14155550123", at), events.get(2).dataAs(ParticipantChanged.class));
        assertEquals(startedRecord.partition(), customerRecord.partition(), "one key, one partition, one order");

        api.asAdmin().get("/api/interactions/{id}", interactionId).then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("channel", equalTo("VOICE"))
                .body("callId", equalTo(callId))
                .body("flowId", equalTo("sales"))
                .body("silentMonitoring", equalTo(true))
                .body("participants.role", contains("AGENT", "CUSTOMER"))
                .body("endedAt", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void callEndedPublishesBothParticipantsLeftThenInteractionEndedAndTheInteractionIsEnded() {
        Api api = new Api().withAdministrator();
        String callId = "call-" + UUID.randomUUID();
        String interactionId = api.startCall(callId, "support", "agent-9");

        CloudEvent hangUp = api.callEndedEvent(callId, "CUSTOMER");
        Api.send(Topics.TELEPHONY_EVENTS, callId, hangUp);
        api.awaitInteractionEvent(EventTypes.INTERACTION_ENDED, r -> interactionId.equals(r.key()));

        List<CloudEvent> events = api.eventsOf(interactionId);
        assertEquals(List.of(EventTypes.INTERACTION_STARTED, EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_JOINED,
                        EventTypes.PARTICIPANT_LEFT, EventTypes.PARTICIPANT_LEFT, EventTypes.INTERACTION_ENDED),
                events.stream().map(CloudEvent::type).toList());
        Instant at = hangUp.dataAs(cc.monitoring.contracts.telephony.CallEnded.class).at();
        ParticipantChanged agentLeft = events.get(3).dataAs(ParticipantChanged.class);
        ParticipantChanged customerLeft = events.get(4).dataAs(ParticipantChanged.class);
        assertEquals(new ParticipantChanged(api.tenant, interactionId, "agent-9", ParticipantRole.AGENT, "Agent agent-9", at),
                agentLeft);
        assertEquals(ParticipantRole.CUSTOMER, customerLeft.role());
        assertEquals(at, customerLeft.at());
        assertEquals(new InteractionEnded(api.tenant, interactionId, Channel.VOICE, EndedBy.CUSTOMER, at),
                events.get(5).dataAs(InteractionEnded.class));

        api.asAdmin().get("/api/interactions/{id}", interactionId).then().statusCode(200)
                .body("state", equalTo("ENDED"))
                .body("endedBy", equalTo("CUSTOMER"))
                .body("endedAt", notNullValue())
                .body("participants.leftAt", contains(notNullValue(), notNullValue()));
        api.asAdmin().queryParam("state", "ENDED").get("/api/interactions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(interactionId));
        api.asAdmin().queryParam("state", "ACTIVE").get("/api/interactions").then().body("total", equalTo(0));
    }

    @Test
    void aRepeatedCallStartedOrCallEndedChangesNothing() {
        Api api = new Api().withAdministrator();
        String callId = "call-" + UUID.randomUUID();
        CloudEvent call = api.callStartedEvent(callId, "sales", "agent-1");
        Api.send(Topics.TELEPHONY_EVENTS, callId, call);
        Api.send(Topics.TELEPHONY_EVENTS, callId, call);
        // the gateway repeating itself with a new event id is absorbed too: one interaction per call
        Api.sendAndAwaitConsumed(Topics.TELEPHONY_EVENTS, callId, api.callStartedEvent(callId, "sales", "agent-1"));
        CloudEvent end = api.callEndedEvent(callId, "AGENT");
        Api.send(Topics.TELEPHONY_EVENTS, callId, end);
        Api.sendAndAwaitConsumed(Topics.TELEPHONY_EVENTS, callId, api.callEndedEvent(callId, "CUSTOMER"));
        String interactionId = api.awaitInteractionEvent(EventTypes.INTERACTION_ENDED, r -> true).key();

        long started = Api.KAFKA.readAll(Topics.INTERACTION_EVENTS).stream()
                .filter(r -> api.tenant.equals(Api.tenantOf(r)))
                .filter(r -> EventTypes.INTERACTION_STARTED.equals(Api.typeOf(r)))
                .count();
        assertEquals(1, started, "one interaction-started for the call");
        assertEquals(6, api.eventsOf(interactionId).size(), "one lifecycle, no second end");
        api.asAdmin().get("/api/interactions").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].endedBy", equalTo("AGENT"));
    }

    @Test
    void aCallEndedBeforeItsCallStartedIsRememberedAndEndsTheInteractionAtOnce() {
        Api api = new Api().withAdministrator();
        String callId = "call-" + UUID.randomUUID();
        Api.sendAndAwaitConsumed(Topics.TELEPHONY_EVENTS, callId, api.callEndedEvent(callId, "CUSTOMER"));
        api.asAdmin().get("/api/interactions").then().body("total", equalTo(0));

        String interactionId = api.startCall(callId, "sales", "agent-2");
        api.awaitInteractionEvent(EventTypes.INTERACTION_ENDED, r -> interactionId.equals(r.key()));
        assertEquals(List.of(EventTypes.INTERACTION_STARTED, EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_JOINED,
                        EventTypes.PARTICIPANT_LEFT, EventTypes.PARTICIPANT_LEFT, EventTypes.INTERACTION_ENDED),
                api.eventsOf(interactionId).stream().map(CloudEvent::type).toList());
        api.asAdmin().get("/api/interactions/{id}", interactionId).then().body("state", equalTo("ENDED"));
    }

    @Test
    void B03_aCallOnAFlowNobodyConfiguredCreatesItWithTheDefaults() {
        Api api = new Api().withAdministrator();
        String flowId = "flow-" + UUID.randomUUID();
        String interactionId = api.startCall("call-" + UUID.randomUUID(), flowId, "agent-3");

        api.as("anyone").get("/api/flows/{f}", flowId).then().statusCode(200)
                .body("id", equalTo(flowId))
                .body("name", equalTo(flowId))
                .body("silentMonitoring", equalTo(true));
        api.asAdmin().get("/api/interactions/{id}", interactionId).then()
                .body("flowName", equalTo(flowId)).body("silentMonitoring", equalTo(true));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() {
        Api api = new Api().withAdministrator();
        String badKey = "bad-" + UUID.randomUUID();
        Api.sendRaw(Topics.TELEPHONY_EVENTS, badKey, "{\"this is\": not a cloud event");
        String crossKey = "cross-" + UUID.randomUUID();
        // the envelope says one tenant, the payload another: never applied to either (B06)
        CloudEvent crossTenant = CloudEvent.of(EventTypes.CALL_STARTED, "/telephony-gateway", api.tenant, crossKey,
                new CallStarted("someone-else", crossKey, "sales", "agent-4", "A", "+1", Instant.now()));
        Api.send(Topics.TELEPHONY_EVENTS, crossKey, crossTenant);
        // monitor-leg events belong to monitoring-service: ignored, not parked
        String legKey = "leg-" + UUID.randomUUID();
        CloudEvent leg = CloudEvent.of(EventTypes.MONITOR_LEG_CONNECTED, "/telephony-gateway", api.tenant, legKey,
                new MonitorLegEvent(api.tenant, legKey, "s-1", "leg-1", LegMode.MUTED, null, Instant.now()));
        Api.send(Topics.TELEPHONY_EVENTS, legKey, leg);
        String goodCall = "call-" + UUID.randomUUID();
        String interactionId = api.startCall(goodCall, "sales", "agent-4");

        ConsumerRecord<String, String> parked = Api.KAFKA.awaitRecord(Topics.deadLetter(Topics.TELEPHONY_EVENTS),
                r -> badKey.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("{\"this is\": not a cloud event", parked.value());
        assertEquals("interaction-service.telephony-events", TopicReader.header(parked, "dlq-consumer"));
        assertEquals(Topics.TELEPHONY_EVENTS, TopicReader.header(parked, "dlq-original-topic"));
        ConsumerRecord<String, String> refused = Api.KAFKA.awaitRecord(Topics.deadLetter(Topics.TELEPHONY_EVENTS),
                r -> crossKey.equals(r.key()), Duration.ofSeconds(30));
        assertTrue(TopicReader.header(refused, "dlq-reason").contains("someone-else"));
        Api.awaitConsumed(leg.id());
        Api.KAFKA.assertNoRecord(Topics.deadLetter(Topics.TELEPHONY_EVENTS), r -> legKey.equals(r.key()),
                Duration.ofMillis(500));

        assertNotNull(interactionId);
        api.asAdmin().get("/api/interactions").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].callId", equalTo(goodCall));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }
}
