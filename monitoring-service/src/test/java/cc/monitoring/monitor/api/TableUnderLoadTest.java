package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/** The table under load (issue 13): keyset pages by cursor, the agent filter, the counts between requests. */
@QuarkusTest
class TableUnderLoadTest {

    private static final String TABLE = "/api/monitoring/interactions";
    private static final List<String> SORTS = List.of("-startedAt", "startedAt", "agentName", "-agentName", "customer",
            "-customer", "channel", "-channel");

    /** 5 live interactions (two agents, voice and chat) and 3 previously monitored ones; one ended unmonitored. */
    private static List<String> seed(World world) {
        world.supervisor("sam");
        List<String> ids = new ArrayList<>();
        Channel[] channels = {Channel.VOICE, Channel.CHAT, Channel.SMS, Channel.CHAT, Channel.VOICE, Channel.CHAT,
                Channel.CHAT, Channel.MESSAGING, Channel.CHAT};
        for (int i = 0; i < channels.length; i++) {
            ids.add(world.startInteraction(channels[i], i % 2 == 0 ? "ann" : "bob", true, null).interactionId());
        }
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                .body("counts.active", equalTo(9)));
        for (String chat : List.of(ids.get(5), ids.get(6), ids.get(7))) {
            world.monitor("sam", chat, null);
            world.end(chat);
        }
        world.end(ids.get(8)); // never monitored: not in the table (B10)
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                .body("counts.active", equalTo(5)).body("counts.previouslyMonitored", equalTo(3)));
        return ids.subList(0, 8);
    }

    /** Every row id of the table, read page by page through {@code next}. */
    private static List<String> walk(Supplier<RequestSpecification> as, Map<String, ?> query, int size, Runnable between) {
        List<String> seen = new ArrayList<>();
        JsonPath page = as.get().queryParams(query).queryParam("size", size).get(TABLE).then().statusCode(200)
                .extract().jsonPath();
        seen.addAll(page.getList("items.interactionId"));
        boolean first = true;
        while (page.getBoolean("hasMore")) {
            if (first) {
                between.run();
                first = false;
            }
            String next = page.getString("next");
            assertNotNull(next);
            page = as.get().queryParams(query).queryParam("size", size).queryParam("cursor", next).get(TABLE).then()
                    .statusCode(200).body("page", equalTo(-1)).extract().jsonPath();
            seen.addAll(page.getList("items.interactionId"));
        }
        assertNull(page.getString("next"));
        return seen;
    }

    /** Nothing twice; every row that was there before the walk. */
    private static void assertOnce(List<String> seen, List<String> rows, String sort) {
        assertEquals(new HashSet<>(seen).size(), seen.size(), sort + ": " + seen);
        assertTrue(seen.containsAll(rows), sort + ": " + seen);
    }

    @Test
    void B12_keysetPagesReturnEveryRowExactlyOnceWhileRowsAreAdded() {
        World world = new World();
        List<String> rows = seed(world);
        List<String> added = new ArrayList<>();
        // oldest first: rows started after the first page come after the cursor, in the live group
        List<String> seen = walk(() -> world.as("sam"), Map.of("sort", "startedAt"), 2, () -> {
            for (int i = 0; i < 2; i++) {
                added.add(world.startInteraction(Channel.VOICE, "cid", true, null).interactionId());
            }
            await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                    .body("counts.active", equalTo(7)));
        });
        assertOnce(seen, rows, "startedAt");
        assertEquals(10, seen.size(), seen.toString());
        assertTrue(seen.subList(0, 7).containsAll(added), seen.toString()); // live first (B13)

        // every sort, while rows are added before the cursor: nothing twice, nothing that was there missed
        for (String sort : SORTS) {
            List<String> each = walk(() -> world.as("sam"), Map.of("sort", sort), 3,
                    () -> world.startInteraction(Channel.SMS, "dee", true, null));
            assertOnce(each, rows, sort);
            assertTrue(each.containsAll(added), sort);
        }
    }

    @Test
    void B12_aDeepPageByCursorIsThePageOfTheSameNumber() {
        World world = new World();
        seed(world);
        for (String sort : SORTS) {
            for (String state : new String[] {"", "ACTIVE", "ENDED"}) {
                Map<String, String> query = Map.of("sort", sort, "state", state);
                JsonPath page = world.as("sam").queryParams(query).queryParam("size", 2).get(TABLE).then()
                        .statusCode(200).extract().jsonPath();
                for (int number = 1; page.getBoolean("hasMore"); number++) {
                    List<String> byNumber = world.as("sam").queryParams(query).queryParam("size", 2)
                            .queryParam("page", number).get(TABLE).then().statusCode(200).extract().jsonPath()
                            .getList("items.interactionId");
                    page = world.as("sam").queryParams(query).queryParam("size", 2)
                            .queryParam("cursor", page.getString("next")).get(TABLE).then().statusCode(200)
                            .extract().jsonPath();
                    assertEquals(byNumber, page.getList("items.interactionId", String.class),
                            sort + " " + state + " " + number);
                }
            }
        }
        // beyond the last page by number: empty, not an error
        world.as("sam").queryParam("page", 50).queryParam("size", 2).get(TABLE).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("hasMore", equalTo(false)).body("next", nullValue());
    }

    @Test
    void B12_theAgentFilterIsTheAgentsIdWithItsCountsAndCursor() {
        World world = new World();
        List<String> rows = seed(world);
        List<String> anns = List.of(rows.get(0), rows.get(2), rows.get(4), rows.get(6));
        world.as("sam").queryParam("agent", "ann").get(TABLE).then().statusCode(200)
                .body("items.interactionId", containsInAnyOrder(anns.toArray()))
                .body("items.agentId", everyItem(equalTo("ann")))
                .body("counts.active", equalTo(3)).body("counts.previouslyMonitored", equalTo(1)).body("total", equalTo(4));
        List<String> walked = walk(() -> world.as("sam"), Map.of("agent", "ann"), 1, () -> { });
        assertEquals(Set.copyOf(anns), Set.copyOf(walked));
        assertEquals(4, walked.size());
        // an agent's name is found by q, not by the agent filter; an unknown agent has no rows
        world.as("sam").queryParam("agent", "Agent ann").get(TABLE).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0));
        world.as("sam").queryParam("q", "Agent ann").get(TABLE).then().body("total", equalTo(4));
    }

    @Test
    void B12_aCursorNotGivenOutForTheseFiltersIsA400() {
        World world = new World();
        seed(world);
        String next = world.as("sam").queryParam("size", 2).get(TABLE).then().extract().path("next");
        for (String bad : List.of("abc", "!!", "x".repeat(2000),
                Base64.getUrlEncoder().encodeToString("t1\nforged\n1\n\n0\n0\nid".getBytes()))) {
            world.as("sam").queryParam("cursor", bad).get(TABLE).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:problem:monitoring:invalid-cursor"));
        }
        // another sort or filter than the one it was given out for
        world.as("sam").queryParam("cursor", next).queryParam("sort", "customer").get(TABLE).then().statusCode(400)
                .body("type", equalTo("urn:problem:monitoring:invalid-cursor"));
        world.as("sam").queryParam("cursor", next).queryParam("channel", "CHAT").get(TABLE).then().statusCode(400)
                .body("type", equalTo("urn:problem:monitoring:invalid-cursor"));
        world.as("sam").queryParam("cursor", next).queryParam("page", "1").get(TABLE).then().statusCode(400)
                .body("type", equalTo("urn:problem:monitoring:invalid-request"));
        world.as("sam").queryParam("cursor", next).get(TABLE).then().statusCode(200);
    }

    @Test
    void B06_anotherTenantsCursorIsRefusedAndRevealsNothing() {
        World mine = new World();
        List<String> rows = seed(mine);
        World other = new World();
        other.supervisor("sam");
        String theirs = other.startInteraction(Channel.CHAT, "ann", true, null).interactionId();
        other.awaitInTable("sam", theirs);
        String next = mine.as("sam").queryParam("size", 2).get(TABLE).then().extract().path("next");
        String body = other.as("sam").queryParam("size", 2).queryParam("cursor", next).get(TABLE).then()
                .statusCode(400).body("type", equalTo("urn:problem:monitoring:invalid-cursor"))
                .extract().asString();
        rows.forEach(id -> assertFalse(body.contains(id), body));
        assertFalse(body.contains(mine.tenant), body);
    }

    @Test
    void B13_theCountsFollowTheTablesChanges() {
        World world = new World();
        seed(world);
        world.as("sam").get(TABLE).then().body("counts.active", equalTo(5)); // counted, kept
        String started = world.startInteraction(Channel.CHAT, "eve", true, null).interactionId();
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get(TABLE).then()
                .body("counts.active", equalTo(6)).body("total", equalTo(9)));
        world.as("sam").queryParam("channel", "CHAT").get(TABLE).then().body("counts.active", equalTo(3));
        world.monitor("sam", started, null);
        world.end(started);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").queryParam("channel", "CHAT").get(TABLE)
                .then().body("counts.active", equalTo(2)).body("counts.previouslyMonitored", equalTo(3)));
        world.as("sam").get(TABLE).then().body("counts.active", equalTo(5))
                .body("counts.previouslyMonitored", equalTo(4));
    }

    @Test
    void B06_countsAreNeverAnotherTenants() {
        World mine = new World();
        seed(mine);
        World other = new World();
        other.supervisor("sam");
        String theirs = other.startInteraction(Channel.CHAT, "ann", true, null).interactionId();
        other.awaitInTable("sam", theirs);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) { // the same filters, one after the other: each tenant its own counts
            seen.add(mine.as("sam").queryParam("agent", "ann").get(TABLE).then().body("counts.active", equalTo(3))
                    .extract().path("counts.active"));
            other.as("sam").queryParam("agent", "ann").get(TABLE).then().body("counts.active", equalTo(1))
                    .body("counts.previouslyMonitored", equalTo(0)).body("items.interactionId",
                            containsInAnyOrder(theirs));
        }
        assertEquals(Set.of(3), seen);
    }
}
