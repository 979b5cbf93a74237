package cc.monitoring.telephony;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.testsupport.TopicReader;
import cc.monitoring.testsupport.TopicWriter;
import cc.monitoring.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * A tenant of its own for one test, and what the test does in it: place calls over REST, send
 * commands as monitoring-service would, and find the gateway's events about its calls.
 */
public final class Tenant {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final TopicWriter COMMANDS = TopicWriter.forTestBroker();

    public final String id = Tokens.uniqueTenant();
    public final TopicReader kafka = TopicReader.forTestBroker();

    public RequestSpecification api() {
        return given().auth().oauth2(Tokens.user(id, "demo-" + id).name("Demo Driver").sign()).contentType(ContentType.JSON);
    }

    /** Places a call and returns its id. */
    public String placeCall() {
        return api().body(Map.of("flowId", "flow-sales", "agentId", "agent-1", "agentName", "Ann Agent",
                        "customerNumber", "+14155550100"))
                .post("/api/telephony/calls").then().statusCode(201).extract().path("callId");
    }

    public void hangUp(String callId, String by) {
        api().body(Map.of("by", by)).post("/api/telephony/calls/{id}/hangup", callId).then().statusCode(202);
    }

    public void injectFailure(String address, String failure) {
        api().body(Map.of("failure", failure)).put("/api/telephony/simulator/failures/{a}", address).then().statusCode(200);
    }

    // --- commands, as monitoring-service sends them ----------------------------------------------

    public CloudEvent dial(String callId, String sessionId, String address) {
        return send(EventTypes.DIAL_MONITOR_LEG, callId, new DialMonitorLeg(id, callId, sessionId, "supervisor-1", "SIP", address));
    }

    public CloudEvent setMode(String callId, String sessionId, LegMode mode) {
        return send(EventTypes.SET_MONITOR_LEG_MODE, callId, new SetMonitorLegMode(id, callId, sessionId, mode));
    }

    public CloudEvent hangUpLeg(String callId, String sessionId) {
        return send(EventTypes.HANG_UP_MONITOR_LEG, callId, new HangUpMonitorLeg(id, callId, sessionId));
    }

    public CloudEvent send(String type, String callId, Object data) {
        CloudEvent command = CloudEvent.of(type, "/monitoring-service", id, callId, data);
        sendRaw(callId, EventJson.write(command));
        return command;
    }

    public static void sendRaw(String key, String value) {
        COMMANDS.send(Topics.TELEPHONY_COMMANDS, key, value);
    }

    public static String session() {
        return "session-" + UUID.randomUUID();
    }

    // --- events ------------------------------------------------------------------------------------

    /** The first monitor-leg event of this type for the session on the call. */
    public MonitorLegEvent awaitLeg(String type, String callId, String sessionId) {
        return EventJson.read(kafka.awaitRecord(Topics.TELEPHONY_EVENTS, legEvent(type, callId, sessionId), WAIT).value())
                .dataAs(MonitorLegEvent.class);
    }

    public Predicate<ConsumerRecord<String, String>> legEvent(String type, String callId, String sessionId) {
        return record -> {
            if (!callId.equals(record.key())) {
                return false;
            }
            CloudEvent event = EventJson.read(record.value());
            return event.type().equals(type) && id.equals(event.tenantid())
                    && sessionId.equals(event.data().path("sessionId").asText());
        };
    }

    public Predicate<ConsumerRecord<String, String>> callEvent(String type, String callId) {
        return record -> callId.equals(record.key()) && type.equals(EventJson.read(record.value()).type());
    }

    /** Dials a leg for a new session and waits until it is connected; returns the session id. */
    public String connectedLeg(String callId) {
        String session = session();
        dial(callId, session, "sip:" + session + "@pbx.example.com");
        awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        return session;
    }
}
