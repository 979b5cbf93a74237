package cc.monitoring.transcript.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.transcript.TranscriptRead;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReadPositionTest {

    @Test
    void B11_readingAdvancesThePositionAndPublishesTranscriptRead() {
        World world = new World();
        String chat = world.chat();
        world.postAll(chat, 1, 3);
        world.monitor("sam", chat);
        world.as("sam").get("/api/transcripts/{id}/position", chat).then().statusCode(200)
                .body("interactionId", equalTo(chat)).body("position", equalTo(0));

        Instant before = Instant.now();
        world.as("sam").queryParam("limit", 2).get("/api/transcripts/{id}", chat).then().statusCode(200);
        world.as("sam").get("/api/transcripts/{id}/position", chat).then()
                .body("position", equalTo(2)).body("readAt", notNullValue());
        world.as("sam").queryParam("after", 2).get("/api/transcripts/{id}", chat).then().statusCode(200);
        world.as("sam").get("/api/transcripts/{id}/position", chat).then().body("position", equalTo(3));

        ConsumerRecord<String, String> record = World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS,
                read(world, chat, "sam", 3), Duration.ofSeconds(20));
        assertEquals(chat, record.key());
        assertEquals(CloudEvent.CONTENT_TYPE, TopicReader.header(record, "content-type"), "structured mode");
        CloudEvent event = EventJson.read(record.value());
        assertEquals(EventTypes.TRANSCRIPT_READ, event.type());
        assertEquals("/transcript-service", event.source());
        assertEquals(world.tenant, event.tenantid());
        assertEquals(chat, event.subject());
        TranscriptRead data = event.dataAs(TranscriptRead.class);
        assertEquals(world.tenant, data.tenantId());
        assertEquals(chat, data.interactionId());
        assertEquals("sam", data.userId());
        assertEquals(3, data.position());
        assertNotNull(data.at());
        assertTrue(!data.at().isBefore(before.minusSeconds(1)), "stamped when read");
        World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS, read(world, chat, "sam", 2), Duration.ofSeconds(20));

        // reading again what was read before does not move the position back nor announce it again
        world.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200);
        world.as("sam").get("/api/transcripts/{id}/position", chat).then().body("position", equalTo(3));
        World.TOPICS.assertNoRecord(Topics.TRANSCRIPT_EVENTS,
                read(world, chat, "sam", 3).and(r -> !EventJson.read(r.value()).id().equals(event.id())),
                Duration.ofSeconds(2));
    }

    @Test
    void B11_theStreamMovesThePositionToTheLastDeliveredMessageAtMostOncePerSecond() {
        World world = new World();
        String chat = world.chat();
        world.monitor("sam", chat);

        try (SseClient stream = SseClient.open(world.token("sam"), "/api/transcripts/" + chat + "/stream")) {
            assertEquals(200, stream.status());
            world.postAll(chat, 1, 5);
            for (long sequence = 1; sequence <= 5; sequence++) {
                assertEquals(String.valueOf(sequence), stream.next(Duration.ofSeconds(10)).id());
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> world.as("sam")
                    .get("/api/transcripts/{id}/position", chat).then().body("position", equalTo(5)));
            World.TOPICS.awaitRecord(Topics.TRANSCRIPT_EVENTS, read(world, chat, "sam", 5), Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> announced = World.TOPICS.readAll(Topics.TRANSCRIPT_EVENTS).stream()
                    .filter(r -> chat.equals(r.key())).toList();
            assertTrue(announced.size() <= 3, "throttled, not one per message: " + announced.size());
        }
    }

    private static Predicate<ConsumerRecord<String, String>> read(World world, String chat, String userId, long position) {
        return r -> {
            if (!chat.equals(r.key())) {
                return false;
            }
            TranscriptRead data = EventJson.read(r.value()).dataAs(TranscriptRead.class);
            return world.tenant.equals(data.tenantId()) && userId.equals(data.userId()) && data.position() == position;
        };
    }
}
