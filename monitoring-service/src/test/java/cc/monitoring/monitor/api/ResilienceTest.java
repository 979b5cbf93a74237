package cc.monitoring.monitor.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResilienceTest {

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        World world = new World();
        world.supervisor("sam");
        String key = "poison-" + UUID.randomUUID();
        World.KAFKA.send(Topics.INTERACTION_EVENTS, key, "{this is not json " + key);
        World.KAFKA.send(Topics.INTERACTION_EVENTS, key, "{\"specversion\":\"1.0\",\"id\":\"" + key
                + "\",\"type\":\"" + EventTypes.INTERACTION_STARTED + "\",\"source\":\"/x\",\"time\":\"2026-01-01T00:00:00Z\",\"tenantid\":\""
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

    @Test
    void B40_recordsOfThePreviousReleaseWithBareTypeNamesAreStillApplied() {
        World world = new World();
        world.supervisor("sam");
        String interactionId = UUID.randomUUID().toString();
        CloudEvent started = CloudEvent.of(EventTypes.INTERACTION_STARTED, "/interaction-service", world.tenant,
                interactionId, new InteractionStarted(world.tenant, interactionId, Channel.VOICE, "f", "Flow", true,
                        "adam", "Adam", "+15550001111", "CA-old", Instant.now()));
        CloudEvent ended = CloudEvent.of(EventTypes.INTERACTION_ENDED, "/interaction-service", world.tenant,
                interactionId, new InteractionEnded(world.tenant, interactionId, Channel.VOICE, EndedBy.CUSTOMER,
                        Instant.now()));

        World.KAFKA.send(Topics.INTERACTION_EVENTS, interactionId, previousRelease(started, "interaction-started"));
        world.awaitInTable("sam", interactionId);
        World.KAFKA.send(Topics.INTERACTION_EVENTS, interactionId, previousRelease(ended, "interaction-ended"));

        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam")
                .get("/api/monitoring/interactions/{id}", interactionId)
                .then().statusCode(200).body("details.state", equalTo("ENDED")));
        World.TOPICS.assertNoRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> r.value() != null && r.value().contains(interactionId), Duration.ofMillis(500));
    }

    @Test
    void B40_anEventOfAnotherCloudEventsVersionIsParkedAndTheNextOneIsApplied() {
        World world = new World();
        world.supervisor("sam");
        String interactionId = UUID.randomUUID().toString();
        CloudEvent started = CloudEvent.of(EventTypes.INTERACTION_STARTED, "/interaction-service", world.tenant,
                interactionId, new InteractionStarted(world.tenant, interactionId, Channel.VOICE, "f", "Flow", true,
                        "adam", "Adam", "+15550001111", "CA-03", Instant.now()));
        String otherVersion = EventJson.write(started).replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"");

        World.KAFKA.send(Topics.INTERACTION_EVENTS, interactionId, otherVersion);
        World.Call next = world.startInteraction(Channel.VOICE, "anna", true, interactionId);

        world.awaitInTable("sam", next.interactionId());
        var parked = World.TOPICS.awaitRecord(Topics.deadLetter(Topics.INTERACTION_EVENTS),
                r -> otherVersion.equals(r.value()), World.PATIENCE);
        assertTrue(TopicReader.header(parked, "dlq-reason").contains("specversion"),
                TopicReader.header(parked, "dlq-reason"));
        world.as("sam").get("/api/monitoring/interactions/{id}", interactionId).then().statusCode(404);
    }

    /** The event as the release before this one wrote it: a bare type name and no dataschema. */
    private static String previousRelease(CloudEvent event, String bareType) {
        String wire = EventJson.write(event)
                .replace("\"type\":\"" + event.type() + "\"", "\"type\":\"" + bareType + "\"")
                .replace(",\"dataschema\":\"" + event.dataschema() + "\"", "");
        assertTrue(wire.contains("\"type\":\"" + bareType + "\"") && !wire.contains("dataschema"), wire);
        return wire;
    }
}
