package cc.monitoring.interaction.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.testsupport.Database;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.Tokens;
import cc.monitoring.testsupport.TopicReader;
import cc.monitoring.testsupport.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * A tenant of its own for one test, driven as the other services drive interaction-service: permission
 * and telephony events written to Kafka, REST calls with real tokens, published events read back.
 */
final class Api {

    static final TopicReader KAFKA = new TopicReader(InfrastructureResource.kafkaBootstrapServers());
    private static final TopicWriter WRITER = new TopicWriter(InfrastructureResource.kafkaBootstrapServers());

    /** The channel platform's account: delivers the tenant's conversations (see {@link #withChannelPlatform()}). */
    static final String PLATFORM = "channel-platform";

    final String tenant = Tokens.uniqueTenant();
    final String adminId = "admin-" + UUID.randomUUID();

    RequestSpecification as(String userId) {
        return given().auth().oauth2(Tokens.user(tenant, userId).name("User " + userId).sign())
                .contentType(ContentType.JSON);
    }

    /** A token claiming groups: they must not count, permissions come from permission-events only. */
    RequestSpecification asWithGroups(String userId, String... groups) {
        return given().auth().oauth2(Tokens.user(tenant, userId).groups(groups).sign()).contentType(ContentType.JSON);
    }

    RequestSpecification asAdmin() {
        return as(adminId);
    }

    // --- permission-events, as permission-service publishes them ------------------

    /** The built-in Administrator's permissions: every permission but the machine ones (B35). */
    static final String[] ADMINISTRATOR = {"MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS",
            "VIEW_AUDIT"};
    /** The built-in Supervisor's permissions. */
    static final String[] SUPERVISOR = {"MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS"};

    /**
     * Makes {@link #adminId} an administrator of the tenant, as permission-service publishes the built-in role
     * (without HANDLE_CONVERSATIONS or OPERATE_SIMULATOR), and waits until the service knows.
     */
    Api withAdministrator() {
        grant(adminId, 1, "Administrator", ADMINISTRATOR);
        return this;
    }

    /**
     * Gives {@link #PLATFORM} a custom role holding only HANDLE_CONVERSATIONS, as the tenant's administrator would
     * for the channel-platform integration account, and waits until the service knows.
     */
    Api withChannelPlatform() {
        grant(PLATFORM, 1, "Channel Platform", "HANDLE_CONVERSATIONS");
        return this;
    }

    /** Publishes a user's effective permissions at {@code revision} and waits until the service consumed them. */
    void grant(String userId, long revision, String role, String... permissions) {
        CloudEvent event = CloudEvent.of(EventTypes.USER_PERMISSIONS_CHANGED, "/permission-service", tenant, userId,
                new UserPermissionsChanged(tenant, userId, "User " + userId, role, List.of(permissions), List.of(), revision));
        sendAndAwaitConsumed(Topics.PERMISSION_EVENTS, Topics.userKey(tenant, userId), event);
    }

    void remove(String userId, long revision) {
        CloudEvent event = CloudEvent.of(EventTypes.USER_REMOVED, "/permission-service", tenant, userId,
                new UserRemoved(tenant, userId, revision));
        sendAndAwaitConsumed(Topics.PERMISSION_EVENTS, Topics.userKey(tenant, userId), event);
    }

    // --- telephony-events, as the telephony gateway publishes them -------------------

    CloudEvent callStartedEvent(String callId, String flowId, String agentId) {
        return CloudEvent.of(EventTypes.CALL_STARTED, "/telephony-gateway", tenant, callId,
                new CallStarted(tenant, callId, flowId, agentId, "Agent " + agentId, "+14155550123", Instant.now()));
    }

    CloudEvent callEndedEvent(String callId, String endedBy) {
        return CloudEvent.of(EventTypes.CALL_ENDED, "/telephony-gateway", tenant, callId,
                new CallEnded(tenant, callId, EndedBy.valueOf(endedBy), Instant.now()));
    }

    static void send(String topic, String key, CloudEvent event) {
        WRITER.send(topic, key, EventJson.write(event));
    }

    static void sendRaw(String topic, String key, String value) {
        WRITER.send(topic, key, value);
    }

    /** Starts a call and returns the id of the interaction it became (from interaction-started). */
    String startCall(String callId, String flowId, String agentId) {
        send(Topics.TELEPHONY_EVENTS, callId, callStartedEvent(callId, flowId, agentId));
        return awaitInteractionEvent(EventTypes.INTERACTION_STARTED, r -> callId.equals(data(r).path("callId").asText()))
                .key();
    }

    // --- monitoring-events, as monitoring-service publishes them ---------------------------

    /** A monitoring-events record of {@code type} about one session of a digital interaction, keyed by the interaction. */
    CloudEvent monitoringEvent(String type, String sessionId, String interactionId, String supervisorId) {
        boolean ended = EventTypes.MONITOR_ENDED.equals(type);
        return CloudEvent.of(type, "/monitoring-service", tenant, sessionId,
                new MonitoringEvent(tenant, sessionId, interactionId, Channel.CHAT, supervisorId, "User " + supervisorId,
                        ended ? SessionState.ENDED : SessionState.ACTIVE, null, null, null, ended ? EndReason.SUPERVISOR_ENDED : null, null,
                        Instant.now()));
    }

    /** Publishes a session event of {@code type} and waits until interaction-service consumed it. */
    void monitoring(String type, String sessionId, String interactionId, String supervisorId) {
        sendAndAwaitConsumed(Topics.MONITORING_EVENTS, interactionId,
                monitoringEvent(type, sessionId, interactionId, supervisorId));
    }

    // --- interaction-events ---------------------------------------------------------

    ConsumerRecord<String, String> awaitInteractionEvent(String type, Predicate<ConsumerRecord<String, String>> match) {
        return KAFKA.awaitRecord(Topics.INTERACTION_EVENTS, r -> tenant.equals(Api.tenantOf(r))
                && type.equals(Api.typeOf(r)) && match.test(r), Duration.ofSeconds(30));
    }

    /** The record's CloudEvents type (structured mode: the value is the envelope); null when it is no event. */
    static String typeOf(ConsumerRecord<String, String> record) {
        CloudEvent event = eventOrNull(record);
        return event == null ? null : event.type();
    }

    static String tenantOf(ConsumerRecord<String, String> record) {
        CloudEvent event = eventOrNull(record);
        return event == null ? null : event.tenantid();
    }

    static String idOf(ConsumerRecord<String, String> record) {
        CloudEvent event = eventOrNull(record);
        return event == null ? null : event.id();
    }

    private static CloudEvent eventOrNull(ConsumerRecord<String, String> record) {
        try {
            return EventJson.read(record.value());
        } catch (EventJson.MalformedEventException e) {
            return null;
        }
    }

    /** Every event published about one interaction, in the order published. */
    List<CloudEvent> eventsOf(String interactionId) {
        return KAFKA.readAll(Topics.INTERACTION_EVENTS).stream()
                .filter(r -> interactionId.equals(r.key()))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .map(r -> EventJson.read(r.value()))
                .toList();
    }

    static com.fasterxml.jackson.databind.JsonNode data(ConsumerRecord<String, String> record) {
        return EventJson.read(record.value()).data();
    }

    // --- waiting for consumption --------------------------------------------------------

    static void sendAndAwaitConsumed(String topic, String key, CloudEvent event) {
        send(topic, key, event);
        awaitConsumed(event.id());
    }

    /** Waits until interaction-service recorded the event as consumed (its idempotency table). */
    static void awaitConsumed(String eventId) {
        Awaitility.await("event " + eventId + " consumed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> consumed(eventId));
    }

    private static boolean consumed(String eventId) throws SQLException {
        Database db = InfrastructureResource.database();
        java.util.Properties credentials = new java.util.Properties();
        if (db.username() != null) {
            credentials.setProperty("user", db.username());
        }
        if (db.password() != null) {
            credentials.setProperty("password", db.password());
        }
        try (Connection connection = new org.postgresql.Driver().connect(db.jdbcUrl(), credentials);
             PreparedStatement query = connection.prepareStatement(
                     "select 1 from interaction.consumed_event where event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    static Map<String, Object> flow(String name, Object silentMonitoring) {
        return Map.of("name", name, "silentMonitoring", silentMonitoring);
    }
}
