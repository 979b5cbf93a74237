package cc.monitoring.monitor.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.InteractionStarted;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResilienceTest {

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        World world = new World();
        world.supervisor("sam");
        String key = "poison-" + UUID.randomUUID();
        World.KAFKA.send(Topics.INTERACTION_EVENTS, key, "{this is not json " + key);
        World.KAFKA.send(Topics.INTERACTION_EVENTS, key, "{\"specversion\":\"1.0\",\"id\":\"" + key
                + "\",\"type\":\"interaction-started\",\"source\":\"/x\",\"time\":\"2026-01-01T00:00:00Z\",\"tenantid\":\""
                + world.tenant + "\",\"data\":{\"channel\":\"TELEPATHY\"}}");
        World.Call good = world.startInteraction(Channel.VOICE, "adam", true, key);

        world.awaitInTable("sam", good.interactionId());
        var parked = World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value().contains("not json " + key), World.PATIENCE);
        assertEquals(Topics.INTERACTION_EVENTS, cc.monitoring.testsupport.TopicReader.header(parked, "dlq-original-topic"));
        World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value().contains("TELEPATHY") && r.value().contains(key), World.PATIENCE);
    }

    @Test
    void B06_anEventWhosePayloadNamesAnotherTenantIsParkedNotApplied() {
        World world = new World();
        world.supervisor("sam");
        String interactionId = UUID.randomUUID().toString();
        CloudEvent smuggled = CloudEvent.of(EventTypes.INTERACTION_STARTED, "/test", "some-other-tenant", interactionId,
                new InteractionStarted(world.tenant, interactionId, Channel.VOICE, "f", "Flow", true, "adam", "Adam",
                        "+15550001111", "CA-x", Instant.now()));
        World.KAFKA.send(Topics.INTERACTION_EVENTS, interactionId, EventJson.write(smuggled));
        World.Call next = world.startInteraction(Channel.VOICE, "anna", true, interactionId);
        world.awaitInTable("sam", next.interactionId());
        World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS), r -> r.value().contains(smuggled.id()),
                World.PATIENCE);
        world.as("sam").get("/api/monitoring/interactions/{id}", interactionId).then().statusCode(404);
    }

    @Test
    void aDuplicateEventIsAppliedOnce() {
        World world = new World();
        world.supervisor("sam");
        String interactionId = UUID.randomUUID().toString();
        CloudEvent started = CloudEvent.of(EventTypes.INTERACTION_STARTED, "/test", world.tenant, interactionId,
                new InteractionStarted(world.tenant, interactionId, Channel.VOICE, "f", "Flow", true, "adam", "Adam",
                        "+15550001111", "CA-dup", Instant.now()));
        World.KAFKA.send(Topics.INTERACTION_EVENTS, interactionId, EventJson.write(started));
        World.KAFKA.send(Topics.INTERACTION_EVENTS, interactionId, EventJson.write(started));
        world.awaitInTable("sam", interactionId);
        world.as("sam").get("/api/monitoring/interactions").then().body("items.size()", equalTo(1));
    }
}
