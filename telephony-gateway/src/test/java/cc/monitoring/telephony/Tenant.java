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
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.kit.permissions.PermissionReadModel;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.arc.Arc;
import org.awaitility.Awaitility;
import cc.monitoring.testsupport.TopicWriter;
import cc.monitoring.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * A tenant of its own for one test, and what the test does in it: place calls over REST, send
 * commands as monitoring-service would, and find the gateway's events about its calls.
 */
public final class Tenant {

    public static final Duration WAIT = Duration.ofSeconds(30);
    /** The first grant of a run also waits for the gateway's permission-events consumer to join its group. */
    private static final Duration CONSUMED = Duration.ofSeconds(90);
    private static final TopicWriter COMMANDS = TopicWriter.forTestBroker();
    private static final TopicWriter PERMISSIONS = COMMANDS;

    public final String id;
    public final TopicReader kafka = TopicReader.forTestBroker();
    /** The tenant's phone simulator: a machine identity with a custom role holding OPERATE_SIMULATOR. */
    public final String simulator;
    /** An audit reader (VIEW_AUDIT): sees every call with every monitor leg. */
    public final String auditor;
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();

    public Tenant() {
        this(Tokens.uniqueTenant());
        grant(simulator, "Phone Simulator", PermissionNames.OPERATE_SIMULATOR);
    }

    /** A tenant whose id is given, e.g. one with a Twilio account in the configuration (no phone simulator). */
    public Tenant(String id) {
        this.id = id;
        this.simulator = "phone-simulator-" + id;
        this.auditor = "auditor-" + id;
    }

    /** As the phone simulator: places and hangs up calls, injects behaviours; sees calls without legs. */
    public RequestSpecification api() {
        return as(simulator);
    }

    /** As an audit reader, who sees every monitor leg. */
    public RequestSpecification audit() {
        if (!revisions.containsKey(auditor)) {
            grant(auditor, "Auditor", PermissionNames.VIEW_AUDIT);
        }
        return as(auditor);
    }

    /** As {@code userId} of this tenant; what they may do comes from {@link #grant} only. */
    public RequestSpecification as(String userId) {
        return given().auth().oauth2(Tokens.user(id, userId).name("User " + userId).sign()).contentType(ContentType.JSON);
    }

    // --- permission-events, as permission-service publishes them -------------------------------

    /**
     * Gives {@code userId} a role with exactly these permissions (a new revision each time), as
     * permission-service would publish it, and waits until the gateway's read model holds it.
     */
    public void grant(String userId, String role, String... permissions) {
        long revision = revisions.merge(userId, 1L, Long::sum);
        CloudEvent event = CloudEvent.of(EventTypes.USER_PERMISSIONS_CHANGED, "/permission-service", id, userId,
                new UserPermissionsChanged(id, userId, "User " + userId, role, List.of(permissions), List.of(), revision));
        PERMISSIONS.send(Topics.PERMISSION_EVENTS, Topics.userKey(id, userId), EventJson.write(event));
        awaitRevision(userId, revision);
    }

    /** Removes {@code userId} from the tenant and waits until the gateway knows. */
    public void remove(String userId) {
        long revision = revisions.merge(userId, 1L, Long::sum);
        CloudEvent event = CloudEvent.of(EventTypes.USER_REMOVED, "/permission-service", id, userId,
                new UserRemoved(id, userId, revision));
        PERMISSIONS.send(Topics.PERMISSION_EVENTS, Topics.userKey(id, userId), EventJson.write(event));
        Awaitility.await("removal of " + userId).atMost(CONSUMED)
                .until(() -> readModel().permissionsOf(id, userId).isEmpty());
    }

    public void awaitRevision(String userId, long revision) {
        Awaitility.await("revision " + revision + " of " + userId).atMost(CONSUMED)
                .until(() -> readModel().permissionsOf(id, userId).revision() >= revision);
    }

    public static PermissionReadModel readModel() {
        return Arc.container().instance(PermissionReadModel.class).get();
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

    /**
     * Injects a simulated behaviour (BUSY, NO_ANSWER, UNKNOWN_EXTENSION, RING_FOREVER, REFUSE_MODE_CHANGE, and the
     * provider faults HOLD, PROVIDER_UNAVAILABLE, PROVIDER_REFUSES).
     */
    public void injectFailure(String address, String failure) {
        api().body(Map.of("failure", failure)).put("/api/telephony/simulator/failures/{a}", address).then().statusCode(200);
    }

    // --- commands, as monitoring-service sends them ----------------------------------------------

    public CloudEvent dial(String callId, String sessionId, String address) {
        return dial(callId, sessionId, "supervisor-1", address);
    }

    /** A dial for a session of {@code supervisorId}, who owns the leg (B07). */
    public CloudEvent dial(String callId, String sessionId, String supervisorId, String address) {
        return send(EventTypes.DIAL_MONITOR_LEG, callId, new DialMonitorLeg(id, callId, sessionId, supervisorId, "SIP", address));
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
        return connectedLeg(callId, "supervisor-1");
    }

    /** Dials a leg owned by {@code supervisorId} for a new session and waits until it is connected. */
    public String connectedLeg(String callId, String supervisorId) {
        String session = session();
        dial(callId, session, supervisorId, "sip:" + session + "@pbx.example.com");
        awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        return session;
    }

    /** The leg id of a session's monitor leg, as an audit reader sees it. */
    public String legId(String callId, String sessionId) {
        return audit().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .extract().path("monitorLegs.find { it.sessionId == '" + sessionId + "' }.legId");
    }
}
