package cc.monitoring.monitor.api;

import cc.monitoring.contracts.interaction.Channel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static cc.monitoring.monitor.api.World.desk;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TableAndAuditTest {

    @Test
    void B10_theTableListsActiveAndPreviouslyMonitoredInteractionsWithTheirMonitors() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        World.Call monitoredThenEnded = world.call("adam", "sam");
        World.Call neverMonitored = world.call("anna", "sam");
        World.Call live = world.call("alex", "sam");
        String chat = world.chat("amy", "sam");
        world.monitor("sam", monitoredThenEnded.interactionId(), desk("sam").address());
        String sue = world.activeMonitor("sue", live);
        world.end(monitoredThenEnded.interactionId());
        world.end(neverMonitored.interactionId());

        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get("/api/monitoring/interactions").then()
                .statusCode(200)
                .body("items.interactionId", hasItems(monitoredThenEnded.interactionId(), live.interactionId(), chat))
                .body("items.interactionId", not(hasItem(neverMonitored.interactionId()))));
        String row = "items.find { it.interactionId == '" + live.interactionId() + "' }";
        world.as("sam").get("/api/monitoring/interactions").then()
                .body(row + ".channel", equalTo("VOICE"))
                .body(row + ".agentId", equalTo("alex"))
                .body(row + ".agentName", equalTo("Agent alex"))
                .body(row + ".customer", equalTo("+15550001111"))
                .body(row + ".flowName", equalTo("Support line"))
                .body(row + ".state", equalTo("ACTIVE"))
                .body(row + ".monitors.sessionId", contains(sue))
                .body(row + ".monitors[0].supervisorName", equalTo("Name sue"))
                .body(row + ".monitors[0].mode", equalTo("SILENT"))
                .body("items.find { it.interactionId == '" + monitoredThenEnded.interactionId() + "' }.state", equalTo("ENDED"));
    }

    @Test
    void B12_theTableIsPagedAndFilteredByChannelStateAndAgent() {
        World world = new World();
        world.supervisor("sam");
        for (int i = 0; i < 4; i++) {
            world.call("agent-" + i, "sam");
        }
        String chat = world.chat("chatty", "sam");
        world.as("sam").queryParam("size", 2).get("/api/monitoring/interactions").then()
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(true));
        world.as("sam").queryParam("size", 2).queryParam("page", 2).get("/api/monitoring/interactions").then()
                .body("items.size()", equalTo(1)).body("hasMore", equalTo(false));
        world.as("sam").queryParam("channel", "chat").get("/api/monitoring/interactions").then()
                .body("items.interactionId", contains(chat));
        world.as("sam").queryParam("channel", "VOICE").queryParam("state", "ACTIVE").get("/api/monitoring/interactions").then()
                .body("items.size()", equalTo(4)).body("items.channel", everyItem(equalTo("VOICE")));
        world.as("sam").queryParam("agent", "agent-2").get("/api/monitoring/interactions").then()
                .body("items.agentId", contains("agent-2"));
        world.as("sam").queryParam("state", "ENDED").get("/api/monitoring/interactions").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void B11_digitalRowsWithMessagesTheCallerHasNotSeenAreMarked() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        String chat = world.chat("amy", "sam");
        World.Call call = world.call("adam", "sam");
        String row = "items.find { it.interactionId == '" + chat + "' }.newDetails";
        world.as("sam").get("/api/monitoring/interactions").then().body(row, equalTo(false));

        world.message(chat, 1);
        world.message(chat, 2);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get("/api/monitoring/interactions")
                .then().body(row, equalTo(true)));
        world.read("sam", chat, 2);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get("/api/monitoring/interactions")
                .then().body(row, equalTo(false)));
        // per supervisor: sue has not looked
        world.as("sue").get("/api/monitoring/interactions").then().body(row, equalTo(true));
        world.message(chat, 3);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get("/api/monitoring/interactions")
                .then().body(row, equalTo(true)));
        // an older read position does not move it back
        world.read("sam", chat, 3);
        world.read("sam", chat, 1);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").get("/api/monitoring/interactions/{id}", chat)
                .then().body("details.newDetails", equalTo(false)).body("details.lastMessageSeq", equalTo(3)));
        world.as("sam").get("/api/monitoring/interactions").then()
                .body("items.find { it.interactionId == '" + call.interactionId() + "' }.newDetails", equalTo(false));
    }

    @Test
    void B33_severalDigitalInteractionsAtOnceEachActiveAtOnceAndEndMonitoring() {
        World world = new World();
        world.supervisor("sam");
        String first = world.chat("amy", "sam");
        String second = world.chat("bob", "sam");
        World.Call call = world.call("adam", "sam");
        String s1 = world.monitor("sam", first, null);
        String s2 = world.monitor("sam", second, null);
        world.monitor("sam", call.interactionId(), desk("sam").address());
        world.as("sam").get("/api/monitoring/sessions/{id}", s1).then().body("state", equalTo("ACTIVE"))
                .body("extension", org.hamcrest.Matchers.nullValue());
        world.as("sam").post("/api/monitoring/sessions/{id}/barge", s2).then().statusCode(409)
                .body("type", equalTo("urn:problem:monitoring:not-voice"));
        world.as("sam").delete("/api/monitoring/sessions/{id}", s1).then().statusCode(200)
                .body("endReason", equalTo("SUPERVISOR_ENDED"));
        world.as("sam").get("/api/monitoring/sessions").then().body("size()", equalTo(2));
    }

    @Test
    void B32_theDetailsViewShowsDetailsParticipantsAndMonitors() {
        World world = new World();
        world.supervisor("sam");
        String chat = world.chat("amy", "sam");
        String session = world.monitor("sam", chat, null);
        world.as("sam").get("/api/monitoring/interactions/{id}", chat).then().statusCode(200)
                .body("details.channel", equalTo("CHAT"))
                .body("details.agentName", equalTo("Agent amy"))
                .body("participants.role", contains("AGENT", "CUSTOMER"))
                .body("monitors.sessionId", contains(session))
                .body("monitors[0].supervisorName", equalTo("Name sam"));
    }

    @Test
    void B40_everyActionAndEveryRefusalIsAudited() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        world.user("mona", List.of("MONITOR_ALL_CALLS"), desk("mona"));
        Instant before = Instant.now().minusSeconds(1);
        World.Call call = world.call("adam", "sam");
        String session = world.activeMonitor("sam", call);
        world.changeMode("sam", call, session, "barge");
        world.changeMode("sam", call, session, "mute");
        world.changeMode("sam", call, session, "coach");
        world.as("sam").delete("/api/monitoring/sessions/{id}", session).then().statusCode(200);
        String monaSession = world.activeMonitor("mona", call);
        world.as("mona").post("/api/monitoring/sessions/{id}/barge", monaSession).then().statusCode(403);

        // each mode change was asked (REQUESTED) and then confirmed by the provider (ACCEPTED, B29)
        world.as("alice").queryParam("supervisor", "sam").queryParam("from", before.toString())
                .queryParam("outcome", "REQUESTED").get("/api/monitoring/audit").then().statusCode(200)
                .body("items.action", contains("COACH", "MUTE", "BARGE"));
        world.as("alice").queryParam("supervisor", "sam").queryParam("from", before.toString())
                .queryParam("outcome", "ACCEPTED").get("/api/monitoring/audit").then().statusCode(200)
                .body("items.action", contains("END", "COACH", "MUTE", "BARGE", "JOIN", "START"))
                .body("items.outcome", everyItem(equalTo("ACCEPTED")))
                .body("items.interactionId", everyItem(equalTo(call.interactionId())))
                .body("items[0].detail", equalTo("SUPERVISOR_HUNG_UP"));
        world.as("alice").queryParam("interaction", call.interactionId()).queryParam("supervisor", "mona")
                .get("/api/monitoring/audit").then()
                .body("items[0].action", equalTo("BARGE"))
                .body("items[0].outcome", equalTo("REFUSED"))
                .body("items[0].detail", equalTo("barge-not-permitted"));
        world.as("alice").queryParam("to", before.toString()).get("/api/monitoring/audit").then()
                .body("items.size()", equalTo(0));
        world.as("sam").get("/api/monitoring/audit").then().statusCode(403)
                .body("type", equalTo("urn:problem:monitoring:audit-not-permitted"));
        world.as("alice").queryParam("from", "yesterday").get("/api/monitoring/audit").then().statusCode(400);
    }

    @Test
    void B28_aSupervisorWhoLosesTheMonitorPermissionStopsMonitoring() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String session = world.activeMonitor("sam", call);
        world.user("sam", List.of(), desk("sam"));
        world.awaitSession("sam", session, "ENDED");
        world.as("sam").get("/api/monitoring/sessions/{id}", session).then().body("endReason", equalTo("PERMISSION_REVOKED"));
    }

    @Test
    void B12_theTableStaysCorrectForAChannelThatIsDigital() {
        World world = new World();
        world.supervisor("sam");
        world.startInteraction(Channel.SMS, "amy", true, null);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam").queryParam("channel", "SMS")
                .get("/api/monitoring/interactions").then().body("items.size()", equalTo(1)));
    }
}
