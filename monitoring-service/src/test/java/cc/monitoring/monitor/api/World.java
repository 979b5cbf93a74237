package cc.monitoring.monitor.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.contracts.transcript.TranscriptRead;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.Tokens;
import cc.monitoring.testsupport.TopicReader;
import cc.monitoring.testsupport.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * One test's tenant and the other services around monitoring-service, played through their
 * events on the real broker: permission-service (users), interaction-service (calls and chats),
 * the agent desktop (presence) and the telephony gateway (legs).
 */
final class World {

    static final TopicWriter KAFKA = new TopicWriter(InfrastructureResource.kafkaBootstrapServers());
    static final TopicReader TOPICS = new TopicReader(InfrastructureResource.kafkaBootstrapServers());
    static final List<String> SUPERVISOR = List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS");
    /** The built-in Administrator: every permission but the machine ones (HANDLE_CONVERSATIONS, OPERATE_SIMULATOR). */
    static final List<String> ADMINISTRATOR = List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS",
            "MANAGE_USERS", "VIEW_AUDIT", "REVIEW_TRANSCRIPTS");

    /**
     * How long to wait for an asynchronous effect at most. Generous: on a loaded 2-core CI machine the
     * first test after start-up waits for the consumer group to form; passing waits return at once.
     */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final String tenant = Tokens.uniqueTenant();
    private final Map<String, Long> revisions = new HashMap<>();

    // --- permission-service ------------------------------------------------------------

    /** Publishes a user's effective state and waits until monitoring-service knows it. */
    void user(String userId, List<String> permissions, ExtensionData... extensions) {
        long revision = revisions.merge(userId, 1L, Long::sum);
        publish(Topics.PERMISSION_EVENTS, Topics.userKey(tenant, userId), EventTypes.USER_PERMISSIONS_CHANGED, userId,
                new UserPermissionsChanged(tenant, userId, "Name " + userId, "Role", permissions, List.of(extensions), revision));
        await().atMost(PATIENCE).untilAsserted(() -> as(userId).get("/api/monitoring/me").then()
                .statusCode(200).body("permissions", equalTo(permissions.stream().sorted().toList()))
                .body("extensions.size()", equalTo(extensions.length)));
    }

    void supervisor(String userId) {
        user(userId, SUPERVISOR, desk(userId), mobile(userId));
    }

    static ExtensionData desk(String userId) {
        return new ExtensionData("Desk", "SIP", "sip:" + userId + "@pbx.example.com");
    }

    static ExtensionData mobile(String userId) {
        return new ExtensionData("Mobile", "PSTN", "+1415555" + String.format("%04d", Math.abs(userId.hashCode()) % 10_000));
    }

    // --- agent desktop ---------------------------------------------------------------------

    void agentDesktop(String userId, boolean loggedIn) {
        long revision = revisions.merge("presence/" + userId, 1L, Long::sum);
        publish(Topics.AGENT_PRESENCE, Topics.userKey(tenant, userId),
                loggedIn ? EventTypes.AGENT_LOGGED_IN : EventTypes.AGENT_LOGGED_OUT, userId,
                new AgentPresenceChanged(tenant, userId, loggedIn, Instant.now(), revision));
        await().atMost(PATIENCE).untilAsserted(() -> as(userId).get("/api/monitoring/me").then()
                .body("loggedInAsAgent", equalTo(loggedIn)));
    }

    // --- interaction-service -----------------------------------------------------------------

    record Call(String interactionId, String callId) {
    }

    /** A live voice call with {@code agentId} on a flow with silent monitoring on; waits until it is in the table. */
    Call call(String agentId, String watcher) {
        Call call = startInteraction(Channel.VOICE, agentId, true, null);
        awaitInTable(watcher, call.interactionId());
        return call;
    }

    String chat(String agentId, String watcher) {
        String id = startInteraction(Channel.CHAT, agentId, true, null).interactionId();
        awaitInTable(watcher, id);
        return id;
    }

    /**
     * Publishes interaction-started; {@code key} overrides the record key so that a test can order
     * records on one partition (the contract's key is the interaction id; consumers do not rely on it).
     */
    Call startInteraction(Channel channel, String agentId, boolean silentMonitoring, String key) {
        String interactionId = UUID.randomUUID().toString();
        String callId = channel == Channel.VOICE ? "CA" + UUID.randomUUID().toString().replace("-", "") : null;
        publish(Topics.INTERACTION_EVENTS, key == null ? interactionId : key, EventTypes.INTERACTION_STARTED, interactionId,
                new InteractionStarted(tenant, interactionId, channel, "support", "Support line", silentMonitoring, agentId,
                        "Agent " + agentId, "+15550001111", callId, Instant.now()));
        publish(Topics.INTERACTION_EVENTS, key == null ? interactionId : key, EventTypes.PARTICIPANT_JOINED, interactionId,
                new ParticipantChanged(tenant, interactionId, agentId, ParticipantRole.AGENT, "Agent " + agentId, Instant.now()));
        publish(Topics.INTERACTION_EVENTS, key == null ? interactionId : key, EventTypes.PARTICIPANT_JOINED, interactionId,
                new ParticipantChanged(tenant, interactionId, "+15550001111", ParticipantRole.CUSTOMER, "Customer", Instant.now()));
        return new Call(interactionId, callId);
    }

    void end(String interactionId) {
        publish(Topics.INTERACTION_EVENTS, interactionId, EventTypes.INTERACTION_ENDED, interactionId,
                new InteractionEnded(tenant, interactionId, Channel.VOICE, EndedBy.CUSTOMER, Instant.now()));
    }

    void message(String interactionId, long sequence) {
        publish(Topics.INTERACTION_EVENTS, interactionId, EventTypes.MESSAGE_POSTED, interactionId,
                new MessagePosted(tenant, interactionId, UUID.randomUUID().toString(), sequence, ParticipantRole.CUSTOMER,
                        "+15550001111", "Customer", "message " + sequence, Instant.now()));
    }

    /** transcript-service reports that {@code userId} has read up to {@code position}. */
    void read(String userId, String interactionId, long position) {
        readAt(userId, interactionId, position, Instant.now());
    }

    /** transcript-service reports a read that happened at {@code at} (it may reach monitoring-service later). */
    void readAt(String userId, String interactionId, long position, Instant at) {
        publish(Topics.TRANSCRIPT_EVENTS, interactionId, EventTypes.TRANSCRIPT_READ, interactionId,
                new TranscriptRead(tenant, interactionId, userId, position, at));
    }

    void readRefused(String userId, String interactionId, String problemType, String clientAddress) {
        publish(Topics.TRANSCRIPT_EVENTS, interactionId, EventTypes.TRANSCRIPT_ACCESS_REFUSED, interactionId,
                new TranscriptAccessRefused(tenant, interactionId, userId, problemType, clientAddress, "probe/1", "req-t",
                        Instant.now()));
    }

    void awaitInTable(String watcher, String interactionId) {
        await().atMost(PATIENCE).untilAsserted(() -> as(watcher).get("/api/monitoring/interactions")
                .then().statusCode(200).body("items.interactionId", hasItem(interactionId)));
    }

    // --- telephony-gateway ---------------------------------------------------------------------

    void legConnected(Call call, String sessionId) {
        leg(EventTypes.MONITOR_LEG_CONNECTED, call, sessionId, LegMode.MUTED, null);
    }

    void legFailed(Call call, String sessionId, String reason) {
        leg(EventTypes.MONITOR_LEG_FAILED, call, sessionId, null, reason);
    }

    /** The provider confirms that the leg is in {@code mode} now (B29). */
    void legModeChanged(Call call, String sessionId, LegMode mode) {
        leg(EventTypes.MONITOR_LEG_MODE_CHANGED, call, sessionId, mode, null);
    }

    /** The provider refuses a mode change: the leg keeps {@code kept} (B29). */
    void legModeRefused(Call call, String sessionId, LegMode kept, String reason) {
        leg(EventTypes.MONITOR_LEG_MODE_REFUSED, call, sessionId, kept, reason);
    }

    /** Asks for a mode over REST (barge, mute, coach), then the provider confirms it, as it would. */
    void changeMode(String userId, Call call, String sessionId, String action) {
        as(userId).post("/api/monitoring/sessions/{id}/" + action, sessionId).then().statusCode(200);
        LegMode mode = switch (action) {
            case "barge" -> LegMode.UNMUTED;
            case "coach" -> LegMode.COACHING;
            default -> LegMode.MUTED;
        };
        awaitCommand(sessionId, mode);
        legModeChanged(call, sessionId, mode);
        String shown = switch (mode) {
            case UNMUTED -> "BARGED";
            case COACHING -> "COACHING";
            case MUTED -> "SILENT";
        };
        await().atMost(PATIENCE).untilAsserted(() -> as(userId).get("/api/monitoring/sessions/{id}", sessionId)
                .then().statusCode(200).body("mode", equalTo(shown)).body("pendingMode", equalTo(null)));
    }

    /** The set-monitor-leg-mode command for {@code sessionId} asking for {@code mode}. */
    static SetMonitorLegMode awaitCommand(String sessionId, LegMode mode) {
        ConsumerRecord<String, String> record = TOPICS.awaitRecord(Topics.TELEPHONY_COMMANDS, r -> {
            CloudEvent e = EventJson.read(r.value());
            return e.type().equals(EventTypes.SET_MONITOR_LEG_MODE) && sessionId.equals(e.data().path("sessionId").asText())
                    && mode.name().equals(e.data().path("mode").asText());
        }, PATIENCE);
        return EventJson.read(record.value()).dataAs(SetMonitorLegMode.class);
    }

    /** The monitoring event of {@code type} about {@code sessionId} whose detail is {@code detail}. */
    static MonitoringEvent awaitMonitoringEvent(String type, String sessionId, String detail) {
        ConsumerRecord<String, String> record = TOPICS.awaitRecord(Topics.MONITORING_EVENTS, r -> {
            CloudEvent e = EventJson.read(r.value());
            return e.type().equals(type) && sessionId.equals(e.data().path("sessionId").asText())
                    && detail.equals(e.data().path("detail").asText());
        }, PATIENCE);
        return EventJson.read(record.value()).dataAs(MonitoringEvent.class);
    }

    private void leg(String type, Call call, String sessionId, LegMode mode, String reason) {
        publish(Topics.TELEPHONY_EVENTS, call.callId(), type, call.callId(),
                new MonitorLegEvent(tenant, call.callId(), sessionId, "leg-" + sessionId, mode, LegReason.of(reason), Instant.now()));
    }

    // --- REST and Kafka as a client ----------------------------------------------------------------

    RequestSpecification as(String userId) {
        return given().auth().oauth2(Tokens.user(tenant, userId).name("Name " + userId).sign()).contentType(ContentType.JSON);
    }

    /** Starts monitoring and returns the session id (expects 201). */
    String monitor(String userId, String interactionId, String extension) {
        Map<String, Object> body = new HashMap<>();
        body.put("interactionId", interactionId);
        body.put("extension", extension);
        return as(userId).body(body).post("/api/monitoring/sessions").then().statusCode(201).extract().path("sessionId");
    }

    /** A monitored, answered voice session. */
    String activeMonitor(String userId, Call call) {
        String sessionId = monitor(userId, call.interactionId(), desk(userId).address());
        legConnected(call, sessionId);
        awaitSession(userId, sessionId, "ACTIVE");
        return sessionId;
    }

    void awaitSession(String userId, String sessionId, String state) {
        await().atMost(PATIENCE).untilAsserted(() -> as(userId).get("/api/monitoring/sessions/{id}", sessionId)
                .then().statusCode(200).body("state", equalTo(state)));
    }

    /** The record of {@code type} about {@code sessionId} on {@code topic}, parsed. */
    static CloudEvent awaitEvent(String topic, String type, String sessionId) {
        ConsumerRecord<String, String> record = TOPICS.awaitRecord(topic, r -> {
            CloudEvent e = EventJson.read(r.value());
            return e.type().equals(type) && sessionId.equals(e.data().path("sessionId").asText());
        }, PATIENCE);
        return EventJson.read(record.value());
    }

    /** Sends an event as the services' outbox relay does: structured-mode CloudEvent JSON, content-type its only header. */
    void publish(String topic, String key, String type, String subject, Object data) {
        CloudEvent event = CloudEvent.of(type, "/test", tenant, subject, data);
        KAFKA.send(topic, key, EventJson.write(event), Map.of("content-type", CloudEvent.CONTENT_TYPE));
    }
}
