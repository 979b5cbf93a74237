package cc.monitoring.transcript.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Transcript streams are capped per viewer (kit.streams.per-user, 10 by default) and give their place back when they end. */
@QuarkusTest
class TranscriptStreamLimitsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void B51_Abuse_aViewerHoldsAtMostTenTranscriptStreamsAndGetsAPlaceBackWhenOneCloses() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1);
        world.monitor("sam", chat);
        String path = "/api/transcripts/" + chat + "/stream";
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                SseClient stream = SseClient.open(world.token("sam"), path);
                open.add(stream);
                assertEquals(200, stream.status());
                assertEquals("message", stream.next(PATIENCE).name());
            }
            world.as("sam").accept("text/event-stream").get(path)
                    .then().statusCode(429)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:problem:monitoring:too-many-streams"));

            // one of them goes away: its place is given back
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (SseClient again = SseClient.open(world.token("sam"), path)) {
                    return again.status() == 200;
                }
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void B51_aRefusedStreamHoldsNoPlace() {
        World world = new World();
        String chat = world.chat();
        // sue may not read this transcript: more refusals than her cap, and she still may stream once allowed
        for (int i = 0; i < 12; i++) {
            world.as("sue").accept("text/event-stream").get("/api/transcripts/" + chat + "/stream")
                    .then().statusCode(oneOf(403, 404));
        }
        world.postAll(chat, 1, 1);
        world.monitor("sue", chat);
        await().atMost(PATIENCE).until(() -> {
            try (SseClient stream = SseClient.open(world.token("sue"), "/api/transcripts/" + chat + "/stream")) {
                return stream.status() == 200;
            }
        });
    }
}
