package cc.monitoring.telephony.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated calls over REST, and the call events they publish. */
@QuarkusTest
class CallsTest {

    @Test
    void placingACallPublishesCallStarted() {
        Tenant tenant = new Tenant();
        Instant before = Instant.now();
        String callId = tenant.api().body(Map.of("flowId", "flow-sales", "agentId", "agent-1", "agentName", "Ann Agent",
                        "customerNumber", "+14155550100"))
                .post("/api/telephony/calls").then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("state", equalTo("ACTIVE"))
                .body("participants.role", equalTo(List.of("AGENT", "CUSTOMER")))
                .extract().path("callId");

        ConsumerRecord<String, String> record = tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS,
                tenant.callEvent(EventTypes.CALL_STARTED, callId), Tenant.WAIT);
        CloudEvent event = EventJson.read(record.value());
        assertEquals(callId, record.key());
        assertEquals("1.0", event.specversion());
        assertEquals("/telephony-gateway", event.source());
        assertEquals(callId, event.subject());
        assertEquals(tenant.id, event.tenantid());
        assertEquals(EventTypes.SCHEMA_VERSION, event.schemaversion());
        assertEquals(event.id(), EventJson.read(record.value()).id());
        assertEquals(tenant.id, EventJson.read(record.value()).tenantid());
        CallStarted started = event.dataAs(CallStarted.class);
        assertEquals(tenant.id, started.tenantId());
        assertEquals(callId, started.callId());
        assertEquals("flow-sales", started.flowId());
        assertEquals("agent-1", started.agentId());
        assertEquals("Ann Agent", started.agentName());
        assertEquals("+14155550100", started.customerNumber());
        assertTrue(!started.at().isBefore(before.minusSeconds(1)));
    }

    @Test
    void aCallShowsItsPartiesAndTheTenantListsItsCallsByState() {
        Tenant tenant = new Tenant();
        String active = tenant.placeCall();
        String ended = tenant.placeCall();
        tenant.hangUp(ended, "AGENT");
        tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS, tenant.callEvent(EventTypes.CALL_ENDED, ended), Tenant.WAIT);

        tenant.api().get("/api/telephony/calls/{id}", active).then().statusCode(200)
                .body("callId", equalTo(active))
                .body("flowId", equalTo("flow-sales"))
                .body("participants.find { it.role == 'AGENT' }.id", equalTo("agent-1"))
                .body("participants.find { it.role == 'CUSTOMER' }.id", equalTo("+14155550100"))
                .body("participants.present", equalTo(List.of(true, true)))
                .body("monitorLegs", equalTo(List.of()));
        tenant.api().get("/api/telephony/calls?state=ACTIVE").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.callId", equalTo(List.of(active)));
        tenant.api().get("/api/telephony/calls?state=ended").then().statusCode(200)
                .body("items.callId", equalTo(List.of(ended)))
                .body("items[0].endedBy", equalTo("AGENT"))
                .body("items[0].endedAt", notNullValue());
        tenant.api().get("/api/telephony/calls").then().body("total", equalTo(2));
    }

    @Test
    void B25_whenTheCustomerHangsUpTheCallEndsAndEveryMonitorLegWithIt() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String connected = tenant.connectedLeg(callId);
        String ringing = Tenant.session();
        tenant.dial(callId, ringing, "sip:ring-forever@pbx.example.com");  // rings until the call ends: no timer to race
        await().atMost(Tenant.WAIT).until(() -> "RINGING".equals(tenant.audit().get("/api/telephony/calls/{id}", callId)
                .then().extract().path("monitorLegs.find { it.sessionId == '" + ringing + "' }.state")));

        tenant.hangUp(callId, "CUSTOMER");

        CallEnded ended = EventJson.read(tenant.kafka.awaitRecord(Topics.TELEPHONY_EVENTS,
                tenant.callEvent(EventTypes.CALL_ENDED, callId), Tenant.WAIT).value()).dataAs(CallEnded.class);
        assertEquals(new CallEnded(tenant.id, callId, EndedBy.CUSTOMER, ended.at()), ended);
        assertNotNull(ended.at());
        assertEquals(LegReason.CALL_ENDED, tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, connected).reason());
        assertEquals(LegReason.CALL_ENDED, tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, ringing).reason());

        tenant.audit().get("/api/telephony/calls/{id}", callId).then()
                .body("state", equalTo("ENDED"))
                .body("endedBy", equalTo("CUSTOMER"))
                .body("participants.present", equalTo(List.of(false, false)))
                .body("monitorLegs.state", equalTo(List.of("ENDED", "ENDED")))
                .body("monitorLegs.reason", equalTo(List.of("CALL_ENDED", "CALL_ENDED")));
        expectProblem(tenant.api().body(Map.of("by", "AGENT")).post("/api/telephony/calls/{id}/hangup", callId),
                409, "call-ended");
    }

    @Test
    void B06_anotherTenantsCallIsNotFound() {
        Tenant owner = new Tenant();
        Tenant other = new Tenant();
        String callId = owner.placeCall();

        expectProblem(other.api().get("/api/telephony/calls/{id}", callId), 404, "call-not-found");
        expectProblem(other.api().body(Map.of("by", "AGENT")).post("/api/telephony/calls/{id}/hangup", callId),
                404, "call-not-found");
        other.api().get("/api/telephony/calls").then().statusCode(200)
                .body("total", equalTo(0))
                .body("items.callId", not(hasItem(callId)));
        owner.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void badInputGetsAProblemWithAStableType() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();

        expectProblem(tenant.api().body(Map.of("agentId", "a", "customerNumber", "+14155550100"))
                .post("/api/telephony/calls"), 400, "invalid-call");
        expectProblem(tenant.api().body(Map.of("flowId", "f", "agentId", "a", "customerNumber", "call me"))
                .post("/api/telephony/calls"), 400, "invalid-call");
        expectProblem(tenant.api().body(Map.of("flowId", "f".repeat(101), "agentId", "a", "customerNumber", "+1415555"))
                .post("/api/telephony/calls"), 400, "invalid-call");
        expectProblem(tenant.api().body("{\"flowId\": ").post("/api/telephony/calls"), 400, "malformed-json");
        expectProblem(tenant.api().body("{\"flowId\": [1]}").post("/api/telephony/calls"), 400, "malformed-json");
        expectProblem(tenant.api().post("/api/telephony/calls"), 400, "invalid-call");
        expectProblem(tenant.api().body(Map.of("by", "SUPERVISOR")).post("/api/telephony/calls/{id}/hangup", callId),
                400, "invalid-call");
        expectProblem(tenant.api().get("/api/telephony/calls?state=RINGING"), 400, "invalid-call");
        expectProblem(tenant.api().get("/api/telephony/calls?size=0"), 400, "invalid-call");
        expectProblem(tenant.api().get("/api/telephony/calls/{id}", "x".repeat(300)), 400, "invalid-id");
        expectProblem(tenant.api().body(Map.of("failure", "EXPLODED"))
                .put("/api/telephony/simulator/failures/{a}", "sip:x@pbx.example.com"), 400, "invalid-failure");
        expectProblem(tenant.api().contentType("text/plain").body("hello").post("/api/telephony/calls"),
                415, "unsupported-media-type");
        expectProblem(given().body(Map.of("flowId", "f")).contentType("application/json").post("/api/telephony/calls"),
                401, "unauthenticated");
        tenant.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void everyIdPageAndBodyIsBoundedWithAProblemNeverA500() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();

        for (String query : java.util.List.of("page=2147483647", "page=99999999", "page=5001&size=200", "page=-1",
                "size=201", "size=0", "page=abc", "size=1e3", "page=99999999999999999999")) {
            expectProblem(tenant.api().get("/api/telephony/calls?" + query), 400, "invalid-call");
            expectProblem(tenant.audit().get("/api/telephony/calls?" + query), 400, "invalid-call");
        }
        tenant.api().get("/api/telephony/calls?page=5000&size=200").then().statusCode(200).body("items.size()", equalTo(0));
        String longId = "c".repeat(65);
        expectProblem(tenant.audit().get("/api/telephony/calls/{id}", longId), 400, "invalid-id");
        expectProblem(tenant.api().body(Map.of("by", "AGENT")).post("/api/telephony/calls/{id}/hangup", longId),
                400, "invalid-id");
        expectProblem(tenant.audit().get("/api/telephony/calls/{id}", "c".repeat(64)), 404, "call-not-found");
        expectProblem(tenant.api().body(Map.of("failure", "BUSY"))
                .put("/api/telephony/simulator/failures/{a}", "a".repeat(256)), 400, "invalid-failure");
        expectProblem(tenant.api().body(Map.of("flowId", "f", "agentId", "a".repeat(256), "customerNumber", "+14155550100"))
                .post("/api/telephony/calls"), 400, "invalid-call");
        // above the kit's limit (256 KiB), refused from its Content-Length before the body is read
        expectProblem(tenant.api().body("{\"flowId\": \"" + "x".repeat(512 * 1024) + "\"}").post("/api/telephony/calls"),
                413, "payload-too-large");
        tenant.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    @Test
    void injectedFailuresCanBeListedAndCleared() {
        Tenant tenant = new Tenant();
        tenant.injectFailure("SIP:Desk@pbx.example.com", "BUSY");
        tenant.api().get("/api/telephony/simulator/failures").then().statusCode(200)
                .body("address", equalTo(List.of("sip:desk@pbx.example.com")))
                .body("failure", equalTo(List.of("BUSY")));
        tenant.api().delete("/api/telephony/simulator/failures/{a}", "sip:desk@pbx.example.com").then().statusCode(204);
        tenant.api().get("/api/telephony/simulator/failures").then().body("size()", equalTo(0));
        new Tenant().api().get("/api/telephony/simulator/failures").then().body("size()", equalTo(0));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }

    static void expectProblem(io.restassured.response.Response response, int status, String type) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:monitoring:" + type))
                .body("title", notNullValue());
    }
}
