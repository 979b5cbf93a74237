package cc.monitoring.transcript.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.testsupport.Database;
import cc.monitoring.testsupport.InfrastructureResource;
import cc.monitoring.testsupport.Tokens;
import cc.monitoring.testsupport.TopicReader;
import cc.monitoring.testsupport.TopicWriter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * One test's tenant and the services around transcript-service, played through their events on the
 * real broker: interaction-service (chats and their messages) and monitoring-service (sessions).
 */
final class World {

    static final TopicWriter KAFKA = new TopicWriter(InfrastructureResource.kafkaBootstrapServers());
    static final TopicReader TOPICS = new TopicReader(InfrastructureResource.kafkaBootstrapServers());

    final String tenant = Tokens.uniqueTenant();

    // --- interaction-service ------------------------------------------------------------

    /** A chat that started; returns its interaction id. */
    String chat() {
        String interactionId = UUID.randomUUID().toString();
        started(interactionId, Channel.CHAT);
        return interactionId;
    }

    CloudEvent started(String interactionId, Channel channel) {
        return publish(Topics.INTERACTION_EVENTS, interactionId, EventTypes.INTERACTION_STARTED, interactionId,
                new InteractionStarted(tenant, interactionId, channel, "support", "Support line", true, "adam",
                        "Agent Adam", "+15550001111", null, Instant.now()));
    }

    /** Posts message {@code sequence}: odd ones by the customer, even ones by the agent. */
    CloudEvent post(String interactionId, long sequence) {
        return publish(Topics.INTERACTION_EVENTS, interactionId, messageEvent(interactionId, sequence, "text " + sequence));
    }

    CloudEvent messageEvent(String interactionId, long sequence, String text) {
        return messageEvent(interactionId, sequence, "msg-" + interactionId + "-" + sequence, text);
    }

    CloudEvent messageEvent(String interactionId, long sequence, String messageId, String text) {
        boolean customer = sequence % 2 == 1;
        return event(EventTypes.MESSAGE_POSTED, interactionId, new MessagePosted(tenant, interactionId,
                messageId, sequence, customer ? ParticipantRole.CUSTOMER : ParticipantRole.AGENT,
                customer ? "+15550001111" : "adam", customer ? "Customer" : "Agent Adam", text,
                Instant.parse("2026-03-01T10:00:00Z").plusSeconds(sequence)));
    }

    /** Posts messages {@code from..to} and waits until the last one was consumed. */
    void postAll(String interactionId, long from, long to) {
        CloudEvent last = null;
        for (long sequence = from; sequence <= to; sequence++) {
            last = post(interactionId, sequence);
        }
        awaitConsumed(last, Topics.INTERACTION_EVENTS);
    }

    CloudEvent end(String interactionId) {
        return publish(Topics.INTERACTION_EVENTS, interactionId, EventTypes.INTERACTION_ENDED, interactionId,
                new InteractionEnded(tenant, interactionId, Channel.CHAT, EndedBy.CUSTOMER, Instant.now()));
    }

    // --- monitoring-service -----------------------------------------------------------------

    /** A digital session of {@code userId}: ACTIVE from monitor-requested on. Returns the session id. */
    String monitor(String userId, String interactionId) {
        String sessionId = UUID.randomUUID().toString();
        awaitConsumed(session(EventTypes.MONITOR_REQUESTED, sessionId, userId, interactionId, SessionState.ACTIVE, null),
                Topics.MONITORING_EVENTS);
        return sessionId;
    }

    void endMonitoring(String sessionId, String userId, String interactionId) {
        awaitConsumed(session(EventTypes.MONITOR_ENDED, sessionId, userId, interactionId, SessionState.ENDED,
                EndReason.SUPERVISOR_ENDED), Topics.MONITORING_EVENTS);
    }

    CloudEvent session(String type, String sessionId, String userId, String interactionId, SessionState state, EndReason reason) {
        return publish(Topics.MONITORING_EVENTS, interactionId, type, sessionId,
                new MonitoringEvent(tenant, sessionId, interactionId, Channel.CHAT, userId, "Name " + userId, state, null,
                        null, null, reason, null, Instant.now()));
    }

    // --- REST as a client ---------------------------------------------------------------------------

    String token(String userId) {
        return Tokens.user(tenant, userId).name("Name " + userId).sign();
    }

    RequestSpecification as(String userId) {
        return given().auth().oauth2(token(userId)).contentType(ContentType.JSON);
    }

    // --- Kafka and the database -------------------------------------------------------------------------

    CloudEvent event(String type, String subject, Object data) {
        return CloudEvent.of(type, "/test", tenant, subject, data);
    }

    CloudEvent publish(String topic, String key, String type, String subject, Object data) {
        return publish(topic, key, event(type, subject, data));
    }

    static CloudEvent publish(String topic, String key, CloudEvent event) {
        KAFKA.send(topic, key, EventJson.write(event));
        return event;
    }

    /** Waits until transcript-service's consumer of {@code topic} recorded the event (its idempotency table). */
    static void awaitConsumed(CloudEvent event, String topic) {
        await("event " + event.type() + " consumed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from transcript.consumed_event where event_id = ? and consumer = ?",
                        event.id(), "transcript-service." + topic) == 1);
    }

    static long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }

    static Connection connect() throws SQLException {
        Database db = InfrastructureResource.database();
        Properties credentials = new Properties();
        if (db.username() != null) {
            credentials.setProperty("user", db.username());
        }
        if (db.password() != null) {
            credentials.setProperty("password", db.password());
        }
        return new org.postgresql.Driver().connect(db.jdbcUrl(), credentials);
    }
}
