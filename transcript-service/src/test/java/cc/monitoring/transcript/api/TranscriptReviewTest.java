package cc.monitoring.transcript.api;

import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.contracts.transcript.TranscriptRead;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** B34: an administrator's explicit review of an ended, monitored chat, granted by monitoring-service. */
@QuarkusTest
class TranscriptReviewTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void grant(World world, String userId, String interactionId, Instant expiresAt) {
        String reviewId = UUID.randomUUID().toString();
        World.awaitConsumed(world.publish(Topics.MONITORING_EVENTS, interactionId, EventTypes.TRANSCRIPT_REVIEW_GRANTED,
                reviewId, new TranscriptReviewGranted(world.tenant, interactionId, userId, reviewId, expiresAt,
                        Instant.now())), Topics.MONITORING_EVENTS);
    }

    @Test
    void B34_aReviewGrantLetsTheReviewerReadUntilItExpires() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 3);
        String session = world.monitor("sam", chat);
        world.endMonitoring(session, "sam", chat);
        World.awaitConsumed(world.end(chat), Topics.INTERACTION_EVENTS);
        TranscriptReadTest.expectProblem(world.as("alice").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");

        grant(world, "alice", chat, clock.instant().plus(Duration.ofMinutes(15)));
        world.as("alice").get("/api/transcripts/{id}", chat).then().statusCode(200)
                .body("ended", equalTo(true)).body("messages.sequence", contains(1, 2, 3));
        world.as("alice").queryParam("after", 1).queryParam("limit", 1).get("/api/transcripts/{id}", chat).then()
                .statusCode(200).body("messages.sequence", contains(2));
        world.as("alice").get("/api/transcripts/{id}/position", chat).then().statusCode(200);
        // the read is announced as today: monitoring-service clears the red dot from it (B11) and audits it (B41)
        TranscriptRead read = EventJson.read(World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS,
                r -> chat.equals(r.key()) && EventTypes.TRANSCRIPT_READ.equals(EventJson.read(r.value()).type())
                        && "alice".equals(EventJson.read(r.value()).dataAs(TranscriptRead.class).userId()),
                Duration.ofSeconds(20)).value()).dataAs(TranscriptRead.class);
        assertEquals(world.tenant, read.tenantId());
        // the grant is the reviewer's alone
        TranscriptReadTest.expectProblem(world.as("bob").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        TranscriptReadTest.expectProblem(world.as("alice").get("/api/transcripts/{id}", chat), 403, "transcript-not-permitted");
        TranscriptAccessRefused refusal = EventJson.read(World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS,
                r -> chat.equals(r.key()) && EventTypes.TRANSCRIPT_ACCESS_REFUSED.equals(EventJson.read(r.value()).type())
                        && "alice".equals(EventJson.read(r.value()).dataAs(TranscriptAccessRefused.class).userId()),
                Duration.ofSeconds(20)).value()).dataAs(TranscriptAccessRefused.class);
        assertEquals("transcript-not-permitted", refusal.problemType());
    }

    @Test
    void B34_aReviewGrantNeverOpensALiveChatNorAnotherTenants() {
        World world = new World();
        World other = new World();
        String live = world.chat();
        world.postAll(live, 1, 1);
        grant(world, "alice", live, clock.instant().plus(Duration.ofMinutes(15)));
        TranscriptReadTest.expectProblem(world.as("alice").get("/api/transcripts/{id}", live), 403, "transcript-not-permitted");

        // a grant announced by another tenant's event does not open this tenant's ended chat
        String ended = world.chat();
        world.postAll(ended, 1, 1);
        World.awaitConsumed(world.end(ended), Topics.INTERACTION_EVENTS);
        grant(other, "alice", ended, clock.instant().plus(Duration.ofMinutes(15)));
        TranscriptReadTest.expectProblem(world.as("alice").get("/api/transcripts/{id}", ended), 403, "transcript-not-permitted");
        TranscriptReadTest.expectProblem(other.as("alice").get("/api/transcripts/{id}", ended), 404, "transcript-not-found");
    }
}
