package cc.monitoring.monitor.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static cc.monitoring.monitor.api.World.desk;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B34: an administrator's explicit, audited review of an ended interaction that was monitored. */
@QuarkusTest
class TranscriptReviewTest {

    private static final String REVIEW = "/api/monitoring/interactions/{id}/review";

    /** A chat that sam monitored and that has ended since. */
    private static String endedMonitoredChat(World world) {
        String chat = world.chat("amy", "sam");
        world.monitor("sam", chat, null);
        world.end(chat);
        awaitState(world, chat, "ENDED");
        return chat;
    }

    private static void awaitState(World world, String interactionId, String state) {
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get("/api/monitoring/interactions/{id}", interactionId)
                .then().statusCode(200).body("details.state", equalTo(state)));
    }

    @Test
    void B34_anAdministratorReviewsAnEndedMonitoredChatUntilTheReviewExpires() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        String chat = endedMonitoredChat(world);
        String row = "items.find { it.interactionId == '" + chat + "' }.review";
        world.as("alice").get("/api/monitoring/interactions").then()
                .body(row + ".allowed", equalTo(true)).body(row + ".reason", nullValue());

        Instant before = Instant.now();
        String expiresAt = world.as("alice").post(REVIEW, chat).then().statusCode(201)
                .body("interactionId", equalTo(chat)).body("reviewer", equalTo("alice"))
                .extract().path("expiresAt");
        Instant expires = Instant.parse(expiresAt);
        assertTrue(!expires.isBefore(before.plus(Duration.ofMinutes(15))) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(16))),
                "15 minutes by default: " + expires);

        CloudEvent event = EventJson.read(World.TOPICS.awaitRecord(Topics.MONITORING_EVENTS, r -> {
            CloudEvent e = EventJson.read(r.value());
            return e.type().equals(EventTypes.TRANSCRIPT_REVIEW_GRANTED) && chat.equals(e.data().path("interactionId").asText());
        }, World.PATIENCE).value());
        TranscriptReviewGranted grant = event.dataAs(TranscriptReviewGranted.class);
        assertEquals(world.tenant, grant.tenantId());
        assertEquals("alice", grant.userId());
        assertEquals(expires, grant.expiresAt());
    }

    @Test
    void B34_aSupervisorWithoutReviewPermissionIsRefused() {
        World world = new World();
        world.supervisor("sam");
        String chat = endedMonitoredChat(world);
        world.as("sam").get("/api/monitoring/interactions").then()
                .body("items.find { it.interactionId == '" + chat + "' }.review.allowed", equalTo(false))
                .body("items.find { it.interactionId == '" + chat + "' }.review.reason", equalTo("review-not-permitted"));
        world.as("sam").post(REVIEW, chat).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem:monitoring:review-not-permitted"));
        // a custom role may grant it
        world.user("quinn", List.of("MONITOR_ALL_CALLS", "REVIEW_TRANSCRIPTS"));
        world.as("quinn").post(REVIEW, chat).then().statusCode(201);
    }

    @Test
    void B34_aChatThatWasNeverMonitoredCannotBeReviewed() {
        World world = new World();
        World other = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        other.supervisor("sam");
        other.user("alice", ADMINISTRATOR);

        String live = world.chat("amy", "sam");
        world.as("alice").post(REVIEW, live).then().statusCode(409)
                .body("type", equalTo("urn:problem:monitoring:interaction-not-ended"));
        world.end(live); // never monitored: once ended it is not reviewable, as if it did not exist
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("alice").post(REVIEW, live).then().statusCode(404)
                .body("type", equalTo("urn:problem:monitoring:interaction-not-found")));

        World.Call call = world.call("adam", "sam");
        world.monitor("sam", call.interactionId(), desk("sam").address());
        world.end(call.interactionId());
        awaitState(world, call.interactionId(), "ENDED");
        world.as("alice").post(REVIEW, call.interactionId()).then().statusCode(400)
                .body("type", equalTo("urn:problem:monitoring:not-digital"));

        other.as("alice").post(REVIEW, endedMonitoredChat(world)).then().statusCode(404);
        world.as("alice").post(REVIEW, "x".repeat(65)).then().statusCode(400);
        String toggleOff = world.startInteraction(cc.monitoring.contracts.interaction.Channel.CHAT, "amy", false, null)
                .interactionId();
        world.end(toggleOff);
        world.as("alice").post(REVIEW, toggleOff).then().statusCode(404);
    }

    @Test
    void B41_theReviewIsAuditedAndSoAreItsRefusals() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        String chat = endedMonitoredChat(world);
        world.as("alice").header("User-Agent", "review-test/1").post(REVIEW, chat).then().statusCode(201);
        world.as("sam").post(REVIEW, chat).then().statusCode(403);

        world.as("alice").queryParam("interaction", chat).queryParam("supervisor", "alice").get("/api/monitoring/audit")
                .then().statusCode(200)
                .body("items.action", contains("REVIEW_TRANSCRIPT"))
                .body("items[0].outcome", equalTo("ACCEPTED"))
                .body("items[0].actorId", equalTo("alice"))
                .body("items[0].userAgent", equalTo("review-test/1"))
                .body("items[0].detail", startsWith("until "));
        world.as("alice").queryParam("interaction", chat).queryParam("supervisor", "sam").queryParam("outcome", "REFUSED")
                .get("/api/monitoring/audit").then().statusCode(200)
                .body("items.action", contains("REVIEW_TRANSCRIPT"))
                .body("items[0].problemType", equalTo("review-not-permitted"));
    }
}
