package cc.monitoring.transcript.api;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code monitoring_transcript_delivery_seconds} (docs/operations.md) counts a message posted while a stream is open,
 * once it is on the stream; the history a new stream sends first is not a delivery.
 */
@QuarkusTest
class TranscriptMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static double deliveries() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^monitoring_transcript_delivery_seconds_count(?:\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void B31_aMessagePostedWhileTheStreamIsOpenIsTimedFromPostedToSent() throws Exception {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 1); // history: posted long before the stream opens
        world.monitor("sam", chat);

        try (SseClient stream = SseClient.open(world.token("sam"), "/api/transcripts/" + chat + "/stream")) {
            assertEquals("message", stream.next(PATIENCE).name());
            double before = deliveries();
            world.publish(Topics.INTERACTION_EVENTS, chat, EventTypes.MESSAGE_POSTED, chat, new MessagePosted(world.tenant,
                    chat, "msg-" + chat + "-2", 2, ParticipantRole.AGENT, "adam", "Agent Adam", "text 2", Instant.now()));
            assertEquals("2", stream.next(PATIENCE).id());
            assertEquals(before + 1, deliveries(), "the live message is timed, the history was not");
        }
    }
}
