package cc.monitoring.transcript.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResilienceTest {

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        World world = new World();
        String chat = world.chat();
        World.KAFKA.send(Topics.INTERACTION_EVENTS, chat, "{this is not json " + chat);
        World.KAFKA.send(Topics.INTERACTION_EVENTS, chat, "{\"specversion\":\"1.0\",\"id\":\"bad-" + chat
                + "\",\"type\":\"message-posted\",\"source\":\"/x\",\"time\":\"2026-01-01T00:00:00Z\",\"tenantid\":\""
                + world.tenant + "\",\"data\":{\"interactionId\":\"" + chat + "\",\"tenantId\":\"" + world.tenant
                + "\",\"messageId\":\"m\",\"sequence\":0,\"authorRole\":\"CUSTOMER\",\"text\":\"zero\"}}");
        world.postAll(chat, 1, 1);
        world.monitor("sam", chat);

        world.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200).body("messages.sequence", contains(1));
        ConsumerRecord<String, String> parked = World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value().contains("not json " + chat), Duration.ofSeconds(20));
        assertEquals(Topics.INTERACTION_EVENTS, TopicReader.header(parked, "dlq-original-topic"));
        assertEquals("transcript-service.interaction-events", TopicReader.header(parked, "dlq-consumer"));
        World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value().contains("bad-" + chat) && "transcript-service.interaction-events".equals(
                        TopicReader.header(r, "dlq-consumer")), Duration.ofSeconds(20));
    }

    @Test
    void B06_aMessageNamingAnotherTenantsInteractionIsParkedNotMixedIn() {
        World owner = new World();
        String chat = owner.chat();
        owner.postAll(chat, 1, 1);
        World intruder = new World();
        CloudEvent foreign = CloudEvent.of(EventTypes.MESSAGE_POSTED, "/test", intruder.tenant, chat,
                new MessagePosted(intruder.tenant, chat, "intruder-" + chat, 2, ParticipantRole.CUSTOMER, "x", "X",
                        "injected", Instant.now()));
        World.publish(Topics.INTERACTION_EVENTS, chat, foreign);
        CloudEvent mismatched = CloudEvent.of(EventTypes.MESSAGE_POSTED, "/test", intruder.tenant, chat,
                new MessagePosted(owner.tenant, chat, "mismatch-" + chat, 2, ParticipantRole.CUSTOMER, "x", "X",
                        "envelope and data disagree", Instant.now()));
        World.publish(Topics.INTERACTION_EVENTS, chat, mismatched);
        owner.postAll(chat, 2, 2);
        owner.monitor("sam", chat);

        owner.as("sam").get("/api/transcripts/{id}", chat).then().statusCode(200)
                .body("messages.text", contains("text 1", "text 2"));
        World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value().contains(foreign.id()), Duration.ofSeconds(20));
        World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value().contains(mismatched.id()), Duration.ofSeconds(20));
    }
}
