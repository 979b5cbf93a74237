package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.monitoring.monitor.api.World.desk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WhoMayMonitorTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void B01_anAgentCannotMonitorNorSeeTheTable() {
        World world = new World();
        world.supervisor("sam");
        world.user("anna", List.of(), desk("anna"));
        World.Call call = world.call("adam", "sam");
        refused(world, "anna", call.interactionId(), 403, "monitor-not-permitted");
        world.as("anna").get("/api/monitoring/interactions").then().statusCode(403).contentType(PROBLEM);
        // a user no permission event told us about has no permission either
        refused(world, "stranger", call.interactionId(), 403, "monitor-not-permitted");
    }

    @Test
    void B01_aCustomRoleWithMonitorOnlyCanMonitor() {
        World world = new World();
        world.user("mona", List.of("MONITOR_ALL_CALLS"), desk("mona"));
        World.Call call = world.call("adam", "mona");
        world.monitor("mona", call.interactionId(), desk("mona").address());
    }

    @Test
    void B03_anInteractionOnAFlowWithoutSilentMonitoringIsInvisibleAndNotFound() {
        World world = new World();
        world.supervisor("sam");
        String sharedKey = "b03-" + world.tenant;
        World.Call hidden = world.startInteraction(Channel.VOICE, "adam", false, sharedKey);
        World.Call visible = world.startInteraction(Channel.VOICE, "anna", true, sharedKey);
        // same partition: once the later one is in the table, the earlier one was processed too
        world.awaitInTable("sam", visible.interactionId());
        world.as("sam").get("/api/monitoring/interactions").then()
                .body("items.interactionId", not(hasItem(hidden.interactionId())));
        world.as("sam").get("/api/monitoring/interactions/{id}", hidden.interactionId()).then().statusCode(404)
                .contentType(PROBLEM);
        refused(world, "sam", hidden.interactionId(), 404, "interaction-not-found");
    }

    @Test
    void B04_aSupervisorLoggedIntoTheAgentDesktopCannotStart() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        world.agentDesktop("sam", true);
        world.as("sam").body(Map.of("interactionId", call.interactionId(), "extension", desk("sam").address()))
                .post("/api/monitoring/sessions").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:logged-in-as-agent"))
                .body("detail", org.hamcrest.Matchers.containsString("agent desktop"));
        world.as("sam").get("/api/monitoring/interactions").then()
                .body("items.find { it.interactionId == '" + call.interactionId() + "' }.monitor.reason",
                        equalTo("logged-in-as-agent"));
        world.agentDesktop("sam", false);
        world.monitor("sam", call.interactionId(), desk("sam").address());
    }

    @Test
    void B05_nobodyMonitorsAnInteractionOnWhichTheyAreTheAgent() {
        World world = new World();
        world.supervisor("sam");
        World.Call own = world.call("sam", "sam");
        refused(world, "sam", own.interactionId(), 403, "own-interaction");
        world.as("sam").get("/api/monitoring/interactions").then()
                .body("items.find { it.interactionId == '" + own.interactionId() + "' }.monitor.allowed", equalTo(false))
                .body("items.find { it.interactionId == '" + own.interactionId() + "' }.monitor.reason", equalTo("own-interaction"));
    }

    @Test
    void B06_anotherTenantsInteractionsAndSessionsDoNotExist() {
        World a = new World();
        World b = new World();
        a.supervisor("sam");
        b.supervisor("gus");
        World.Call callOfA = a.call("adam", "sam");
        String sessionOfA = a.activeMonitor("sam", callOfA);

        b.as("gus").get("/api/monitoring/interactions").then().statusCode(200)
                .body("items.interactionId", not(hasItem(callOfA.interactionId())));
        b.as("gus").get("/api/monitoring/interactions/{id}", callOfA.interactionId()).then().statusCode(404);
        refused(b, "gus", callOfA.interactionId(), 404, "interaction-not-found");
        b.as("gus").get("/api/monitoring/sessions/{id}", sessionOfA).then().statusCode(404);
        b.as("gus").post("/api/monitoring/sessions/{id}/barge", sessionOfA).then().statusCode(404);
        b.as("gus").delete("/api/monitoring/sessions/{id}", sessionOfA).then().statusCode(404);
        // same user id in the other tenant is another person
        b.as("sam").delete("/api/monitoring/sessions/{id}", sessionOfA).then().statusCode(404);
        a.as("sam").get("/api/monitoring/sessions/{id}", sessionOfA).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void badRequestsGetProblems() {
        World world = new World();
        world.supervisor("sam");
        world.as("sam").body("{\"interactionId\": ").post("/api/monitoring/sessions").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:problem:monitoring:malformed-json"));
        world.as("sam").body(Map.of("extension", "x")).post("/api/monitoring/sessions").then().statusCode(400)
                .body("type", equalTo("urn:problem:monitoring:invalid-request"));
        world.as("sam").queryParam("channel", "FAX").get("/api/monitoring/interactions").then().statusCode(400)
                .contentType(PROBLEM);
        world.as("sam").queryParam("size", 100000).get("/api/monitoring/interactions").then().statusCode(400);
        world.as("sam").get("/api/monitoring/sessions/{id}", "no-such-session").then().statusCode(404)
                .body("type", equalTo("urn:problem:monitoring:session-not-found"));
        io.restassured.RestAssured.given().get("/api/monitoring/interactions").then().statusCode(401).contentType(PROBLEM);
    }

    private static void refused(World world, String userId, String interactionId, int status, String type) {
        world.as(userId).body(Map.of("interactionId", interactionId, "extension", desk(userId).address()))
                .post("/api/monitoring/sessions").then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:" + type));
    }
}
