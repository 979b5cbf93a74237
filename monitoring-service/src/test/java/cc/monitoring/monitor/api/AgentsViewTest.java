package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The agents view beside the table (issue 14): state from presence and live interactions. */
@QuarkusTest
class AgentsViewTest {

    private static final String AGENTS = "/api/monitoring/agents";

    @Test
    void B01_anAgentWithoutTheMonitorPermissionIsRefusedAndTheRefusalIsAudited() {
        World world = new World();
        world.user("alan", List.of());
        world.user("alice", ADMINISTRATOR);
        world.as("alan").get(AGENTS).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem:monitoring:monitor-not-permitted"));
        world.as("alice").queryParam("supervisor", "alan").get("/api/monitoring/audit").then().statusCode(200)
                .body("items.action", contains("READ_AGENTS")).body("items[0].outcome", equalTo("REFUSED"))
                .body("items[0].detail", equalTo("monitor-not-permitted"));
    }

    @Test
    void agentsOnAnInteractionComeFirstLongestRunningFirstThenAvailableAgentsByName() {
        World world = new World();
        world.supervisor("sam");
        world.user("dora", List.of()); // a name from the permission read model
        world.agentDesktop("dora", true);
        world.agentDesktop("ava", true);
        world.agentDesktop("cat", true);
        String key = "order-" + world.tenant;
        String bobFirst = world.startInteraction(Channel.VOICE, "bob", true, key).interactionId();
        String catsChat = world.startInteraction(Channel.CHAT, "cat", true, key).interactionId();
        String bobSecond = world.startInteraction(Channel.CHAT, "bob", true, key).interactionId();
        world.awaitInTable("sam", bobSecond);

        world.as("sam").get(AGENTS).then().statusCode(200)
                .body("items.agentId", contains("bob", "cat", "ava", "dora"))
                .body("items.agentName", contains("Agent bob", "Agent cat", "ava", "Name dora"))
                .body("items.state", contains("ON_INTERACTION", "ON_INTERACTION", "AVAILABLE", "AVAILABLE"))
                .body("items.loggedIn", contains(false, true, true, true))
                .body("items[0].interactions.interactionId", contains(bobFirst, bobSecond))
                .body("items[0].interactions[0].monitor.allowed", equalTo(true))
                .body("items[1].interactions.interactionId", contains(catsChat))
                .body("items[2].interactions.size()", equalTo(0))
                .body("items[2].since", notNullValue())
                .body("counts.onInteraction", equalTo(2)).body("counts.available", equalTo(2));
        String bobsStart = world.as("sam").get("/api/monitoring/interactions/{id}", bobFirst).then()
                .extract().path("details.startedAt");
        world.as("sam").get(AGENTS).then().body("items[0].since", equalTo(bobsStart));
        world.as("sam").queryParam("size", 3).queryParam("page", 1).get(AGENTS).then()
                .body("items.agentId", contains("dora")).body("hasMore", equalTo(false));

        // an agent whose last interaction ended and who is not on the desktop leaves the view
        world.end(catsChat);
        world.agentDesktop("ava", false);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(AGENTS).then()
                .body("items.agentId", contains("bob", "cat", "dora"))
                .body("items[1].state", equalTo("AVAILABLE"))
                .body("counts.onInteraction", equalTo(1)).body("counts.available", equalTo(2)));
    }

    @Test
    void B08_interactionsOnFlowsWithoutSilentMonitoringAreNeitherShownNorCounted() {
        World world = new World();
        world.supervisor("sam");
        String key = "order-" + world.tenant;
        world.startInteraction(Channel.VOICE, "eve", false, key);
        world.startInteraction(Channel.CHAT, "bob", false, key);
        String visible = world.startInteraction(Channel.CHAT, "bob", true, key).interactionId();
        world.awaitInTable("sam", visible);
        world.as("sam").get(AGENTS).then().statusCode(200)
                .body("items.agentId", contains("bob"))
                .body("items[0].interactions.interactionId", contains(visible))
                .body("counts.onInteraction", equalTo(1)).body("counts.available", equalTo(0));
    }

    @Test
    void B06_anotherTenantsAgentsAreInvisible() {
        World world = new World();
        World other = new World();
        world.supervisor("sam");
        other.supervisor("sam");
        other.agentDesktop("ava", true);
        other.chat("bob", "sam");
        String mine = world.chat("carl", "sam");
        world.as("sam").get(AGENTS).then().statusCode(200)
                .body("items.agentId", contains("carl"))
                .body("items[0].interactions.interactionId", contains(mine))
                .body("counts.onInteraction", equalTo(1)).body("counts.available", equalTo(0));
    }
}
