package cc.monitoring.transcript.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TranscriptStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void B51_theStreamSendsWhatIsStoredThenEachNewMessageWithinASecondThenEnded() throws Exception {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 2);
        world.monitor("sam", chat);

        try (SseClient stream = SseClient.open(world.token("sam"), "/api/transcripts/" + chat + "/stream?after=1")) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            assertMessage(stream.next(PATIENCE), 2, "text 2");

            for (long sequence = 3; sequence <= 4; sequence++) {
                world.post(chat, sequence);
                assertMessage(stream.next(SECOND), sequence, "text " + sequence);
            }

            world.end(chat);
            SseClient.Event ended = stream.next(SECOND);
            assertEquals("ended", ended.name());
            JsonNode data = JSON.readTree(ended.data());
            assertEquals(chat, data.path("interactionId").asText());
            assertEquals(4, data.path("next").asLong());
            assertEquals(SseClient.EOF, stream.next(PATIENCE).name(), "the server ends the stream");
        }
    }

    @Test
    void B51_aMessageStoredByAnotherInstanceReachesThisInstancesStream() throws Exception {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        world.monitor("sam", chat);

        try (SseClient stream = SseClient.open(world.token("sam"), "/api/transcripts/" + chat + "/stream")) {
            assertMessage(stream.next(PATIENCE), 1, "text 1");
            // what instance B's consumer does in its transaction: store the message, pg_notify the channel
            try (Connection db = World.connect()) {
                db.setAutoCommit(false);
                try (PreparedStatement insert = db.prepareStatement("""
                        insert into transcript.message (interaction_id, sequence, message_id, author_role, author_id,
                            author_name, text, posted_at) values (?, 2, ?, 'AGENT', 'adam', 'Agent Adam', 'from B', ?)""");
                     PreparedStatement notify = db.prepareStatement("select pg_notify('transcript_changes', ?)")) {
                    insert.setString(1, chat);
                    insert.setString(2, "msg-b-" + chat);
                    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                    notify.setString(1, "t:" + chat);
                    notify.executeQuery().close();
                }
                stream.assertQuiet(Duration.ofMillis(300));
                db.commit();
            }
            assertMessage(stream.next(SECOND), 2, "from B");
        }
    }

    @Test
    void B51_theInstanceIsReadyWhileItListensForTranscriptChanges() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.findAll { it.name == 'live-updates' }.status", hasItem("UP"))
                .body("checks.findAll { it.name == 'live-updates' }.data.channels", hasItem("transcript_changes"));
    }

    @Test
    void B51_aReconnectingClientResumesAfterItsLastEventId() throws Exception {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 3);
        world.monitor("ada", chat);

        try (SseClient stream = SseClient.open(world.token("ada"), "/api/transcripts/" + chat + "/stream", "2")) {
            assertMessage(stream.next(PATIENCE), 3, "text 3");
            stream.assertQuiet(Duration.ofMillis(300));
        }
    }

    @Test
    void B51_theStreamClosesWhenTheViewersSessionEnds() throws Exception {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        String session = world.monitor("sam", chat);

        try (SseClient stream = SseClient.open(world.token("sam"), "/api/transcripts/" + chat + "/stream")) {
            assertMessage(stream.next(PATIENCE), 1, "text 1");
            world.endMonitoring(session, "sam", chat);
            SseClient.Event closed = stream.next(PATIENCE);
            assertEquals("closed", closed.name());
            assertEquals("not-permitted", JSON.readTree(closed.data()).path("reason").asText());
            assertEquals(SseClient.EOF, stream.next(PATIENCE).name());
        }
    }

    @Test
    void B51_theStreamIsRefusedLikeTheCursorRead() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        try (SseClient refused = SseClient.open(world.token("eve"), "/api/transcripts/" + chat + "/stream")) {
            assertEquals(403, refused.status());
            assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        }
        TranscriptReadTest.expectProblem(world.as("eve").accept("text/event-stream")
                .get("/api/transcripts/{id}/stream", UUID.randomUUID()), 404, "transcript-not-found");
    }

    private static void assertMessage(SseClient.Event event, long sequence, String text) throws Exception {
        assertEquals("message", event.name(), "event " + event);
        assertEquals(String.valueOf(sequence), event.id());
        JsonNode data = JSON.readTree(event.data());
        assertEquals(sequence, data.path("sequence").asLong());
        assertEquals(text, data.path("text").asText());
        assertTrue(data.hasNonNull("messageId") && data.hasNonNull("authorRole") && data.hasNonNull("postedAt"), event.data());
        Instant.parse(data.path("postedAt").asText());
    }
}
