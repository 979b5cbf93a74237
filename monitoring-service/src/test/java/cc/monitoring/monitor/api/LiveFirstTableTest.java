package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

/** The workspace's table (issue 14): live work first with counts, search, sort and totals. */
@QuarkusTest
class LiveFirstTableTest {

    private static final String TABLE = "/api/monitoring/interactions";

    @Test
    void B13_activeInteractionsComeFirstOnEveryPageWithCounts() {
        World world = new World();
        world.supervisor("sam");
        String key = "order-" + world.tenant; // one partition: the interactions start in this order
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // the oldest: newest-first without pinning would put them on page 2
            live.add(world.startInteraction(Channel.CHAT, "live-" + i, true, key).interactionId());
        }
        List<String> ended = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ended.add(world.startInteraction(Channel.CHAT, "done-" + i, true, key).interactionId());
        }
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                .body("counts.active", equalTo(32)));
        ended.forEach(id -> world.monitor("sam", id, null));
        ended.forEach(world::end);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                .body("counts.active", equalTo(2)).body("counts.previouslyMonitored", equalTo(30)));

        world.as("sam").queryParam("size", 25).get(TABLE).then().statusCode(200)
                .body("items.size()", equalTo(25)).body("hasMore", equalTo(true)).body("total", equalTo(32))
                .body("items[0..1].interactionId", containsInAnyOrder(live.toArray()))
                .body("items[0..1].state", everyItem(equalTo("ACTIVE")))
                .body("items[2..24].state", everyItem(equalTo("ENDED")))
                .body("items[2].interactionId", equalTo(ended.get(29))); // newest ended first
        world.as("sam").queryParam("size", 25).queryParam("page", 1).get(TABLE).then().statusCode(200)
                .body("items.size()", equalTo(7)).body("hasMore", equalTo(false))
                .body("items.state", everyItem(equalTo("ENDED")))
                .body("items[6].interactionId", equalTo(ended.get(0)));
        // live first in the other direction too
        world.as("sam").queryParam("size", 3).queryParam("sort", "startedAt").get(TABLE).then().statusCode(200)
                .body("items.interactionId", contains(live.get(0), live.get(1), ended.get(0)));
        // a state filter narrows the rows and the total, never the counts
        world.as("sam").queryParam("state", "ENDED").queryParam("size", 5).get(TABLE).then().statusCode(200)
                .body("items.state", everyItem(equalTo("ENDED"))).body("total", equalTo(30))
                .body("counts.active", equalTo(2)).body("counts.previouslyMonitored", equalTo(30));
        world.as("sam").queryParam("state", "ACTIVE").get(TABLE).then().statusCode(200)
                .body("items.interactionId", containsInAnyOrder(live.toArray())).body("total", equalTo(2))
                .body("counts.previouslyMonitored", equalTo(30));
    }

    @Test
    void B12_theTableIsSearchedSortedAndTotalled() {
        World world = new World();
        world.supervisor("sam");
        String key = "order-" + world.tenant;
        String carl = world.startInteraction(Channel.CHAT, "carl", true, key).interactionId();
        String zedTwo = world.startInteraction(Channel.VOICE, "zed-2", true, key).interactionId();
        String anna = world.startInteraction(Channel.SMS, "anna", true, key).interactionId();
        String zedOne = world.startInteraction(Channel.CHAT, "zed-1", true, key).interactionId();
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                .body("total", equalTo(4)));

        // agent name or id, any case, trimmed; the total counts the matches
        world.as("sam").queryParam("q", "  AGENT ZED ").get(TABLE).then().statusCode(200)
                .body("items.interactionId", contains(zedOne, zedTwo)).body("total", equalTo(2))
                .body("counts.active", equalTo(2));
        world.as("sam").queryParam("q", "zed-2").get(TABLE).then().body("items.interactionId", contains(zedTwo));
        // the customer
        world.as("sam").queryParam("q", "5550001").get(TABLE).then().body("total", equalTo(4));
        // wildcards are plain characters
        world.as("sam").queryParam("q", "%").get(TABLE).then().body("total", equalTo(0)).body("items.size()", equalTo(0));
        world.as("sam").queryParam("q", "zed_").get(TABLE).then().body("total", equalTo(0));

        world.as("sam").queryParam("sort", "agentName").get(TABLE).then().statusCode(200)
                .body("items.interactionId", contains(anna, carl, zedOne, zedTwo));
        world.as("sam").queryParam("sort", "-agentName").get(TABLE).then()
                .body("items.interactionId", contains(zedTwo, zedOne, carl, anna));
        world.as("sam").queryParam("sort", "channel").get(TABLE).then()
                .body("items.channel", contains("CHAT", "CHAT", "SMS", "VOICE"));
        world.as("sam").queryParam("sort", "-channel").get(TABLE).then()
                .body("items.channel", contains("VOICE", "SMS", "CHAT", "CHAT"));
        world.as("sam").queryParam("sort", "customer").get(TABLE).then().body("items.size()", equalTo(4));
        world.as("sam").get(TABLE).then().body("items.interactionId", contains(zedOne, anna, zedTwo, carl));
        world.as("sam").queryParam("sort", "startedAt").get(TABLE).then()
                .body("items.interactionId", contains(carl, zedTwo, anna, zedOne));
    }

    @Test
    void B12_searchAndSortAreBoundedWithAStableProblemType() {
        World world = new World();
        world.supervisor("sam");
        world.as("sam").queryParam("q", "x".repeat(65)).get(TABLE).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:problem:monitoring:invalid-request"));
        world.as("sam").queryParam("q", "x".repeat(64)).get(TABLE).then().statusCode(200).body("total", equalTo(0));
        for (String sort : List.of("bogus", "started_at", "--startedAt", "agentName;drop", "x".repeat(10_000))) {
            world.as("sam").queryParam("sort", sort).get(TABLE).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:problem:monitoring:invalid-request"));
        }
    }

    @Test
    void B08_B06_toggleOffAndOtherTenantsInteractionsAreNeitherListedNorCounted() {
        World world = new World();
        World other = new World();
        world.supervisor("sam");
        other.supervisor("sam");
        String key = "order-" + world.tenant;
        world.startInteraction(Channel.CHAT, "amy", false, key);
        world.startInteraction(Channel.VOICE, "adam", false, key);
        String otherTenants = other.chat("amy", "sam");
        String visible = world.startInteraction(Channel.CHAT, "amy", true, key).interactionId();
        world.awaitInTable("sam", visible);

        world.as("sam").get(TABLE).then().body("items.interactionId", contains(visible))
                .body("total", equalTo(1)).body("counts.active", equalTo(1)).body("counts.previouslyMonitored", equalTo(0));
        world.as("sam").queryParam("q", "amy").get(TABLE).then().body("items.interactionId", contains(visible))
                .body("total", equalTo(1));
        other.as("sam").get(TABLE).then().body("items.interactionId", contains(otherTenants)).body("total", equalTo(1));
    }
}
