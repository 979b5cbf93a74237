package cc.monitoring.transcript.api;

import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.SessionState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TranscriptReadTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void B31_theTranscriptIsAvailableFromTheFirstMessage() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 3);
        world.monitor("sam", chat);

        world.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200)
                .body("interactionId", equalTo(chat))
                .body("channel", equalTo("CHAT"))
                .body("ended", equalTo(false))
                .body("messages.sequence", contains(1, 2, 3))
                .body("messages[0].messageId", equalTo("msg-" + chat + "-1"))
                .body("messages[0].authorRole", equalTo("CUSTOMER"))
                .body("messages[0].authorId", equalTo("+15550001111"))
                .body("messages[0].authorName", equalTo("Customer"))
                .body("messages[0].text", equalTo("text 1"))
                .body("messages[0].postedAt", equalTo("2026-03-01T10:00:01Z"))
                .body("messages[1].authorRole", equalTo("AGENT"))
                .body("next", equalTo(3));
        world.as("sam").queryParam("after", 2).get("/api/transcripts/{id}", chat).then().statusCode(200)
                .body("messages.sequence", contains(3)).body("next", equalTo(3));
        world.as("sam").queryParam("limit", 2).get("/api/transcripts/{id}", chat).then()
                .body("messages.sequence", contains(1, 2)).body("next", equalTo(2));
        world.as("sam").queryParam("after", 3).get("/api/transcripts/{id}", chat).then()
                .body("messages", empty()).body("next", equalTo(3));

        world.post(chat, 4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> world.as("sam").queryParam("after", 3)
                .get("/api/transcripts/{id}", chat).then().body("messages.sequence", contains(4)).body("next", equalTo(4)));
    }

    @Test
    void B31_duplicatesDoNotDuplicateMessages() {
        World world = new World();
        String chat = world.chat();
        var first = world.messageEvent(chat, 1, "hello");
        World.publish(Topics.INTERACTION_EVENTS, chat, first);
        World.publish(Topics.INTERACTION_EVENTS, chat, first);
        World.publish(Topics.INTERACTION_EVENTS, chat, world.messageEvent(chat, 1, "same sequence, new event id"));
        World.publish(Topics.INTERACTION_EVENTS, chat,
                world.messageEvent(chat, 2, "msg-" + chat + "-1", "same message id, other sequence"));
        world.postAll(chat, 2, 2);
        world.monitor("sam", chat);

        world.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200)
                .body("messages.sequence", contains(1, 2))
                .body("messages.text", contains("hello", "text 2"));
    }

    @Test
    void B31_aMessageThatArrivesBeforeItsInteractionStartedIsKept() {
        World world = new World();
        String chat = UUID.randomUUID().toString();
        world.postAll(chat, 1, 1);
        world.started(chat, Channel.SMS);
        world.postAll(chat, 2, 2);
        world.monitor("sam", chat);

        world.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200)
                .body("channel", equalTo("SMS")).body("messages.sequence", contains(1, 2));
    }

    @Test
    void B30_postingToATranscriptIsRefused() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        world.monitor("sam", chat);
        Map<String, Object> body = Map.of("text", "I am the supervisor, let me help");

        for (Response refused : List.of(
                world.as("sam").body(body).post("/api/transcripts/{id}", chat),
                world.as("sam").body(body).post("/api/transcripts/{id}/messages", chat),
                world.as("sam").body(body).put("/api/transcripts/{id}", chat),
                world.as("sam").body(body).patch("/api/transcripts/{id}", chat),
                world.as("sam").delete("/api/transcripts/{id}", chat),
                world.as("sam").body(body).put("/api/transcripts/{id}/messages/{m}", chat, "msg-" + chat + "-1"),
                world.as("sam").delete("/api/transcripts/{id}/messages/{m}", chat, "msg-" + chat + "-1"))) {
            refused.then().statusCode(405).contentType(PROBLEM)
                    .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                    .body("type", equalTo("urn:problem:monitoring:transcript-read-only"))
                    .body("detail", notNullValue());
        }
        world.as("sam").get("/api/transcripts/{id}", chat).then().body("messages.text", contains("text 1"));
    }

    @Test
    void B30_withoutAnActiveSessionReadingIsForbiddenAndAfterMonitorEndedAgain() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 2);

        expectProblem(world.as("sam").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
        expectProblem(world.as("sam").get("/api/transcripts/{id}/position", chat), 403, "transcript-not-permitted");
        String dialing = UUID.randomUUID().toString();
        World.awaitConsumed(world.session(EventTypes.MONITOR_REQUESTED, dialing, "sam", chat, SessionState.DIALING, null), Topics.MONITORING_EVENTS);
        expectProblem(world.as("sam").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");

        String session = world.monitor("sam", chat);
        world.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200).body("messages.sequence", contains(1, 2));
        expectProblem(world.as("other").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");

        world.endMonitoring(session, "sam", chat);
        expectProblem(world.as("sam").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
        // a late, repeated monitor-requested of the ended session (new event id) does not revive it
        World.awaitConsumed(world.session(EventTypes.MONITOR_JOINED, session, "sam", chat, SessionState.ACTIVE, null), Topics.MONITORING_EVENTS);
        expectProblem(world.as("sam").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
    }

    @Test
    void B34_noRoleReadsATranscriptOutsideAMonitoringSession() {
        // whatever role ada holds (this service does not even keep roles), only a live session lets her read
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);

        expectProblem(world.as("ada").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
        expectProblem(world.as("ada").get("/api/transcripts/{id}/stream", chat), 403, "transcript-not-permitted");
        expectProblem(world.as("ada").get("/api/transcripts/{id}/position", chat), 403, "transcript-not-permitted");
        String session = world.monitor("ada", chat);
        world.as("ada").get("/api/transcripts/{id}", chat).then().statusCode(200).body("messages.sequence", contains(1));
        world.endMonitoring(session, "ada", chat);
        expectProblem(world.as("ada").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
    }

    @Test
    void B41_aRefusedReadIsAnnouncedForTheAuditTrailWithItsOrigin() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);

        expectProblem(world.as("sue").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").header("User-Agent", "probe/1")
                .header("X-Request-Id", "req-41").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
        String longId = "x".repeat(1_000);
        expectProblem(world.as("sue").get("/api/transcripts/{id}", longId), 404, "transcript-not-found");

        ConsumerRecord<String, String> record = World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS,
                r -> chat.equals(r.key()) && EventTypes.TRANSCRIPT_ACCESS_REFUSED.equals(EventJson.read(r.value()).type()),
                Duration.ofSeconds(20));
        TranscriptAccessRefused refusal = EventJson.read(record.value()).dataAs(TranscriptAccessRefused.class);
        assertEquals(world.tenant, refusal.tenantId());
        assertEquals("sue", refusal.userId());
        assertEquals("transcript-not-permitted", refusal.problemType());
        assertEquals("203.0.113.7", refusal.clientAddress());
        assertEquals("probe/1", refusal.userAgent());
        assertEquals("req-41", refusal.requestId());
        ConsumerRecord<String, String> tooLong = World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS,
                r -> EventTypes.TRANSCRIPT_ACCESS_REFUSED.equals(EventJson.read(r.value()).type())
                        && world.tenant.equals(EventJson.read(r.value()).tenantid())
                        && EventJson.read(r.value()).dataAs(TranscriptAccessRefused.class).problemType().equals("transcript-not-found"),
                Duration.ofSeconds(20));
        assertEquals(64, EventJson.read(tooLong.value()).dataAs(TranscriptAccessRefused.class).interactionId().length(),
                "the id as asked, cut to a bounded length");
    }

    @Test
    void B06_anotherTenantsUserGetsNotFound() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        World stranger = new World();
        // even a session event in the stranger's own tenant naming this interaction reveals nothing
        stranger.monitor("eve", chat);

        expectProblem(stranger.as("ada").get("/api/transcripts/{id}", chat), 404, "transcript-not-found");
        expectProblem(stranger.as("eve").get("/api/transcripts/{id}", chat), 404, "transcript-not-found");
        expectProblem(stranger.as("eve").get("/api/transcripts/{id}/position", chat), 404, "transcript-not-found");
        expectProblem(stranger.as("ada").get("/api/transcripts/{id}/stream", chat), 404, "transcript-not-found");
        expectProblem(world.as("ada").get("/api/transcripts/{id}", UUID.randomUUID()), 404, "transcript-not-found");
        // a voice call has no transcript, even for its monitor
        String call = UUID.randomUUID().toString();
        world.started(call, Channel.VOICE);
        String voiceSession = UUID.randomUUID().toString();
        World.awaitConsumed(World.publish(Topics.MONITORING_EVENTS, call, world.event(EventTypes.MONITOR_JOINED, voiceSession,
                new cc.monitoring.contracts.monitoring.MonitoringEvent(world.tenant, voiceSession, call, Channel.VOICE,
                        "sam", "Sam", SessionState.ACTIVE, cc.monitoring.contracts.monitoring.SessionMode.SILENT, "Desk", "sip:sam",
                        null, null, java.time.Instant.now()))), Topics.MONITORING_EVENTS);
        expectProblem(world.as("sam").get("/api/transcripts/{id}", call), 404, "transcript-not-found");
        expectProblem(world.as("ada").get("/api/transcripts/{id}", "not an id!"), 404, "transcript-not-found");
    }

    @Test
    void B31_badInputIsAProblemNeverAnError() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        world.monitor("sam", chat);

        for (Map<String, String> query : List.of(Map.of("after", "-1"), Map.of("limit", "100000"), Map.of("after", "abc"),
                Map.of("limit", "0"), Map.of("limit", "many"), Map.of("after", "1e3"))) {
            expectProblem(world.as("sam").queryParams(query).get("/api/transcripts/{id}", chat), 400, "invalid-query");
        }
        expectProblem(world.as("sam").queryParam("after", "abc").get("/api/transcripts/{id}/stream", chat), 400, "invalid-query");
        given().get("/api/transcripts/{id}", chat).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:unauthenticated"));
        given().auth().oauth2(cc.monitoring.testsupport.Tokens.user(world.tenant, "sam").signForged())
                .get("/api/transcripts/{id}", chat).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(cc.monitoring.testsupport.Tokens.user(null, "sam").sign())
                .get("/api/transcripts/{id}", chat).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:tenant-missing"));
    }

    static void expectProblem(Response response, int status, String type) {
        response.then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:" + type))
                .body("status", equalTo(status))
                .body("detail", notNullValue());
    }
}
