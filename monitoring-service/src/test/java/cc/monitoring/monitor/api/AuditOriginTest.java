package cc.monitoring.monitor.api;

import cc.monitoring.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static cc.monitoring.monitor.api.World.desk;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** B41: audit records say who, what, when, the outcome and from where; nothing a client sends can break them. */
@QuarkusTest
class AuditOriginTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = "urn:problem:monitoring:invalid-request";

    @Test
    void B41_auditRecordsOriginAndOutcome() {
        World world = new World();
        world.supervisor("sam");
        world.user("mona", List.of("MONITOR_ALL_CALLS"), desk("mona"));
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");

        world.as("sam").header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").header("User-Agent", "console/1.0")
                .header("X-Request-Id", "req-42.a_b").body(Map.of("interactionId", call.interactionId(),
                        "extension", desk("sam").address()))
                .post("/api/monitoring/sessions").then().statusCode(201).header("X-Request-Id", equalTo("req-42.a_b"));
        String monaSession = world.monitor("mona", call.interactionId(), desk("mona").address());
        world.legConnected(call, monaSession);
        world.awaitSession("mona", monaSession, "ACTIVE");
        world.as("mona").header("X-Request-Id", "not sane!").post("/api/monitoring/sessions/{id}/barge", monaSession)
                .then().statusCode(403);

        String start = "items.find { it.action == 'START' && it.subjectId == 'sam' }";
        world.as("alice").queryParam("interaction", call.interactionId()).get("/api/monitoring/audit").then()
                .statusCode(200)
                .body(start + ".outcome", equalTo("ACCEPTED"))
                .body(start + ".actorKind", equalTo("USER"))
                .body(start + ".actorId", equalTo("sam"))
                .body(start + ".clientAddress", equalTo("203.0.113.7"))
                .body(start + ".peerAddress", equalTo("127.0.0.1"))
                .body(start + ".userAgent", equalTo("console/1.0"))
                .body(start + ".requestId", equalTo("req-42.a_b"));
        String barge = "items.find { it.action == 'BARGE' && it.subjectId == 'mona' }";
        world.as("alice").queryParam("interaction", call.interactionId()).get("/api/monitoring/audit").then()
                .body(barge + ".outcome", equalTo("REFUSED"))
                .body(barge + ".problemType", equalTo("barge-not-permitted"))
                .body(barge + ".clientAddress", equalTo("127.0.0.1")) // no gateway: the peer is the client
                .body(barge + ".requestId", matchesPattern("[0-9a-f-]{36}")); // not sane: generated
    }

    @Test
    void B41_systemIsTheActorOfEndsItCauses() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");
        String sam = world.activeMonitor("sam", call);
        World.Call other = world.call("anna", "sue");
        String sue = world.monitor("sue", other.interactionId(), desk("sue").address());
        world.legFailed(other, sue, "BUSY");
        world.end(call.interactionId());
        world.awaitSession("sam", sam, "ENDED");
        world.awaitSession("sue", sue, "ENDED");

        for (String who : List.of("sam", "sue")) {
            world.as("alice").queryParam("supervisor", who).queryParam("outcome", "ACCEPTED")
                    .get("/api/monitoring/audit").then()
                    .body("items[0].action", equalTo("END"))
                    .body("items[0].actorKind", equalTo("SYSTEM"))
                    .body("items[0].actorId", equalTo("system"))
                    .body("items[0].subjectId", equalTo(who));
        }
        world.as("alice").queryParam("supervisor", "sue").get("/api/monitoring/audit").then()
                .body("items[0].detail", equalTo("DIAL_FAILED (BUSY)"));
        // a supervisor's own hang-up is theirs
        World.Call third = world.call("alex", "sam");
        String again = world.activeMonitor("sam", third);
        world.as("sam").delete("/api/monitoring/sessions/{id}", again).then().statusCode(200);
        world.as("alice").queryParam("supervisor", "sam").get("/api/monitoring/audit").then()
                .body("items[0].action", equalTo("END")).body("items[0].actorKind", equalTo("USER"))
                .body("items[0].actorId", equalTo("sam"));
    }

    @Test
    void B41_refusedReadsAreAudited() {
        World world = new World();
        world.supervisor("sam");
        world.user("anna", List.of(), desk("anna"));
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");

        world.as("anna").get("/api/monitoring/audit").then().statusCode(403).contentType(PROBLEM);
        world.as("anna").get("/api/monitoring/interactions").then().statusCode(403).contentType(PROBLEM);
        world.as("anna").get("/api/monitoring/interactions/{id}", call.interactionId()).then().statusCode(403);
        given().auth().oauth2(Tokens.user(world.tenant, "anna").sign()).accept("text/event-stream")
                .get("/api/monitoring/stream").then().statusCode(403).contentType(PROBLEM);

        world.as("alice").queryParam("supervisor", "anna").get("/api/monitoring/audit").then().statusCode(200)
                .body("items.action", containsInAnyOrder("READ_AUDIT", "READ_TABLE", "READ_DETAILS", "OPEN_STREAM"))
                .body("items.outcome", everyItem(equalTo("REFUSED")))
                .body("items.find { it.action == 'READ_AUDIT' }.problemType", equalTo("audit-not-permitted"))
                .body("items.find { it.action == 'READ_TABLE' }.problemType", equalTo("monitor-not-permitted"))
                .body("items.find { it.action == 'READ_DETAILS' }.interactionId", equalTo(call.interactionId()))
                .body("items.find { it.action == 'OPEN_STREAM' }.problemType", equalTo("monitor-not-permitted"));
    }

    @Test
    void B41_firstTranscriptReadIsAudited() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        String chat = world.chat("amy", "sam");
        world.message(chat, 1);
        world.message(chat, 2);
        world.message(chat, 3);
        String first = world.monitor("sam", chat, null);

        world.read("sam", chat, 1);
        world.read("sam", chat, 3);
        // both reads are in (same partition, in order) once nothing new is left for sam
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam")
                .get("/api/monitoring/interactions/{id}", chat).then().body("details.newDetails", equalTo(false)));
        world.as("alice").queryParam("supervisor", "sam").get("/api/monitoring/audit").then()
                .body("items.findAll { it.action == 'TRANSCRIPT_READ' }.size()", equalTo(1))
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.sessionId", equalTo(first));

        // a new session is a new first read
        world.as("sam").delete("/api/monitoring/sessions/{id}", first).then().statusCode(200);
        String second = world.monitor("sam", chat, null);
        world.message(chat, 4);
        world.read("sam", chat, 4);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("alice").queryParam("supervisor", "sam")
                .get("/api/monitoring/audit").then()
                .body("items.findAll { it.action == 'TRANSCRIPT_READ' }.sessionId", containsInAnyOrder(first, second)));
    }

    @Test
    void B41_aReadAppliedOnlyAfterItsSessionEndedIsStillAuditedForThatSession() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        String chat = world.chat("amy", "sam");
        world.message(chat, 1);
        String session = world.monitor("sam", chat, null);
        java.time.Instant readWhileLive = java.time.Instant.now();

        // the transcript-read event reaches monitoring-service late (e.g. a rebalance after a crash): the session
        // has ended meanwhile, but the read happened in it
        world.as("sam").delete("/api/monitoring/sessions/{id}", session).then().statusCode(200);
        world.readAt("sam", chat, 1, readWhileLive);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("alice").queryParam("supervisor", "sam")
                .get("/api/monitoring/audit").then()
                .body("items.findAll { it.action == 'TRANSCRIPT_READ' }.sessionId", contains(session)));
    }

    @Test
    void B41_aTranscriptReadRefusedByTranscriptServiceIsAudited() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        world.user("alice", ADMINISTRATOR);
        String chat = world.chat("amy", "sam");

        world.readRefused("sue", chat, "transcript-not-permitted", "203.0.113.9");
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("alice").queryParam("supervisor", "sue")
                .get("/api/monitoring/audit").then().statusCode(200)
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.outcome", equalTo("REFUSED"))
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.problemType", equalTo("transcript-not-permitted"))
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.interactionId", equalTo(chat))
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.actorId", equalTo("sue"))
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.clientAddress", equalTo("203.0.113.9"))
                .body("items.find { it.action == 'TRANSCRIPT_READ' }.requestId", equalTo("req-t")));
    }

    @Test
    void B41_anyInputLengthIsAudited() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        String huge = "i\u0000" + "x".repeat(10_000);
        Map<String, Object> body = new HashMap<>();
        body.put("interactionId", huge);
        body.put("extension", "e".repeat(100));

        given().auth().oauth2(Tokens.user(world.tenant, "sam").name("N".repeat(3_000)).sign()).contentType(ContentType.JSON)
                .header("User-Agent", "u".repeat(3_000)).header("X-Forwarded-For", "f".repeat(1_000))
                .header("X-Request-Id", "r".repeat(1_000)).body(body)
                .post("/api/monitoring/sessions").then().statusCode(400).contentType(PROBLEM).body("type", equalTo(INVALID));
        world.as("sam").post("/api/monitoring/sessions/{id}/barge", "s".repeat(2_000)).then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(INVALID));

        world.as("alice").queryParam("supervisor", "sam").get("/api/monitoring/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("BARGE", "START")))
                .body("items.outcome", everyItem(equalTo("REFUSED")))
                .body("items.problemType", everyItem(equalTo("invalid-request")))
                .body("items[0].sessionId.length()", lessThanOrEqualTo(64))
                .body("items[0].sessionId", endsWith("]"))
                .body("items[1].interactionId.length()", lessThanOrEqualTo(64))
                .body("items[1].interactionId", not(org.hamcrest.Matchers.containsString("\u0000")))
                .body("items[1].actorName.length()", lessThanOrEqualTo(200))
                .body("items[1].userAgent.length()", lessThanOrEqualTo(300))
                .body("items[1].clientAddress.length()", lessThanOrEqualTo(64))
                .body("items[1].requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void Bounds_pagesIdsAndFiltersAreRefusedWithProblems() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        String longId = "x".repeat(65);
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("page", 20_000_000), Map.of("page", "99999999999"),
                Map.of("page", -1), Map.of("size", 0), Map.of("size", 201), Map.of("page", "two"),
                Map.of("page", 5_001, "size", 200), Map.of("interaction", longId), Map.of("supervisor", "s".repeat(256)),
                Map.of("from", "2".repeat(100)), Map.of("outcome", "MAYBE"))) {
            world.as("alice").queryParams(query).get("/api/monitoring/audit").then().statusCode(400)
                    .contentType(PROBLEM).body("type", equalTo(INVALID));
        }
        world.as("alice").queryParams(Map.of("page", 5_000, "size", 200)).get("/api/monitoring/audit").then().statusCode(200);
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("page", "99999999"), Map.of("page", 2_147_483_647),
                Map.of("agent", "a".repeat(256)))) {
            world.as("sam").queryParams(query).get("/api/monitoring/interactions").then().statusCode(400)
                    .contentType(PROBLEM).body("type", equalTo(INVALID));
        }
        world.as("sam").get("/api/monitoring/interactions/{id}", longId).then().statusCode(400).body("type", equalTo(INVALID));
        world.as("sam").get("/api/monitoring/sessions/{id}", longId).then().statusCode(400).body("type", equalTo(INVALID));
        world.as("sam").delete("/api/monitoring/sessions/{id}", longId).then().statusCode(400).body("type", equalTo(INVALID));
        world.as("sam").body(Map.of("interactionId", "i-1", "extension", "e".repeat(201)))
                .post("/api/monitoring/sessions").then().statusCode(400).body("type", equalTo(INVALID));
        world.as("sam").get("/api/monitoring/sessions/{id}", "x".repeat(64)).then().statusCode(404);
        // a NUL would make PostgreSQL fail the query: refused before any query, and the refusal audited
        world.as("sam").body(Map.of("interactionId", "i\u0000d")).post("/api/monitoring/sessions").then().statusCode(400)
                .body("type", equalTo(INVALID));
        world.as("sam").get("/api/monitoring/sessions/{id}", "a\u0000b").then().statusCode(400).body("type", equalTo(INVALID));
        world.as("sam").post("/api/monitoring/sessions/{id}/barge", "a\u0000b").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo(INVALID));
        world.as("sam").queryParam("agent", "\u0000").get("/api/monitoring/interactions").then().statusCode(400);
        world.as("alice").queryParam("supervisor", "sam").queryParam("outcome", "REFUSED").get("/api/monitoring/audit").then()
                .body("items.problemType", everyItem(equalTo("invalid-request"))).body("items.size()", equalTo(4));
        world.as("alice").get("/api/monitoring/audit").then().statusCode(200).body("items", notNullValue())
                .body("items.action", not(hasItem("READ_AUDIT")));
    }
}
