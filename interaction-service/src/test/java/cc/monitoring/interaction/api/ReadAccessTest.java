package cc.monitoring.interaction.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Who reads what on interaction-service's read API (B08, B03, B34, B06), and its bounds: the channel platform
 * reads its tenant's interactions and their text, administrators only monitorable interactions and never text,
 * monitors nothing here.
 */
@QuarkusTest
class ReadAccessTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PLATFORM = Api.PLATFORM;

    @Test
    void B08_anInteractionOnAFlowWithTheToggleOffIsInvisibleToAnAdministratorInTheListAndById() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        api.asAdmin().body(Api.flow("Open", true)).put("/api/flows/{f}", "open").then().statusCode(201);
        api.asAdmin().body(Api.flow("Private", false)).put("/api/flows/{f}", "private").then().statusCode(201);
        String open = start(api, "open", "agent-1");
        String hidden = start(api, "private", "agent-2");
        String hiddenCall = api.startCall("call-" + UUID.randomUUID(), "private", "agent-3");

        api.asAdmin().get("/api/interactions").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(open));
        api.asAdmin().queryParam("agentId", "agent-2").get("/api/interactions").then().body("total", equalTo(0));
        api.asAdmin().queryParam("channel", "VOICE").get("/api/interactions").then().body("total", equalTo(0));
        api.asAdmin().get("/api/interactions/{id}", open).then().statusCode(200).body("silentMonitoring", equalTo(true));
        // answered exactly like an id that does not exist: its existence is not revealed
        String unknown = UUID.randomUUID().toString();
        for (String id : new String[] {hidden, hiddenCall, unknown}) {
            expectProblem(api.asAdmin().get("/api/interactions/{id}", id), 404, "interaction-not-found")
                    .body("title", equalTo("No such interaction"))
                    .body("detail", equalTo("No interaction " + id));
        }

        // the channel platform delivers them all, so it reads them all
        api.as(PLATFORM).get("/api/interactions").then().statusCode(200).body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(open, hidden, hiddenCall));
        api.as(PLATFORM).get("/api/interactions/{id}", hidden).then().statusCode(200)
                .body("silentMonitoring", equalTo(false));
    }

    @Test
    void B08_aMonitorGets403OnAllThreeReadEndpointsWhateverTheToggle() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        api.asAdmin().body(Api.flow("Private", false)).put("/api/flows/{f}", "private").then().statusCode(201);
        String open = start(api, "support", "agent-1");
        String hidden = start(api, "private", "agent-2");
        post(api, open, "Hello from the open flow");
        post(api, hidden, "Hello from the private flow");
        api.grant("sup", 1, "Supervisor", Api.SUPERVISOR);
        // a custom role with every monitoring permission, but not administering users
        api.grant("lead", 1, "Team lead", "MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "VIEW_AUDIT");

        for (String monitor : new String[] {"sup", "lead"}) {
            expectProblem(api.as(monitor).get("/api/interactions"), 403, "interactions-not-permitted");
            for (String id : new String[] {open, hidden}) {
                expectProblem(api.as(monitor).get("/api/interactions/{id}", id), 403, "interactions-not-permitted");
                expectProblem(api.as(monitor).get("/api/interactions/{id}/messages", id), 403, "interactions-not-permitted")
                        .body("$", not(hasKey("text")));
            }
        }
        // the token's groups do not count: permissions come from permission-events only
        expectProblem(api.asWithGroups("sup", "Administrator", "HANDLE_CONVERSATIONS").get("/api/interactions"), 403,
                "interactions-not-permitted");
    }

    @Test
    void B34_peopleCannotReadMessageTextHere() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        String chat = start(api, "support", "agent-1");
        post(api, chat, "My card number is in here somewhere");
        api.grant("auditor", 1, "Auditor", "VIEW_AUDIT", "MANAGE_USERS", "MONITOR_ALL_CALLS");

        for (String person : new String[] {api.adminId, "auditor"}) {
            // the interaction itself, on a monitorable flow: yes; its text: never here
            api.as(person).get("/api/interactions/{id}", chat).then().statusCode(200)
                    .body("lastSequence", equalTo(1)).body("$", not(hasKey("text")));
            expectProblem(api.as(person).get("/api/interactions/{id}/messages", chat), 403, "interactions-not-permitted")
                    .body("detail", org.hamcrest.Matchers.containsString("transcript-service"));
            expectProblem(api.as(person).get("/api/interactions/{id}/messages", UUID.randomUUID()), 403,
                    "interactions-not-permitted");
        }
        api.as(PLATFORM).get("/api/interactions/{id}/messages", chat).then().statusCode(200)
                .body("text", contains("My card number is in here somewhere"));
    }

    @Test
    void B06_anotherTenantsIdIsNotFoundForTheChannelPlatform() {
        Api a = new Api().withChannelPlatform();
        Api b = new Api().withChannelPlatform().withAdministrator();
        String chat = start(a, "support", "agent-1");
        post(a, chat, "Tenant A only");
        String call = a.startCall("call-" + UUID.randomUUID(), "support", "agent-2");

        for (String id : new String[] {chat, call}) {
            expectProblem(b.as(PLATFORM).get("/api/interactions/{id}", id), 404, "interaction-not-found");
            expectProblem(b.as(PLATFORM).get("/api/interactions/{id}/messages", id), 404, "interaction-not-found");
            expectProblem(b.asAdmin().get("/api/interactions/{id}", id), 404, "interaction-not-found");
        }
        b.as(PLATFORM).get("/api/interactions").then().statusCode(200).body("total", equalTo(0));
        b.as(PLATFORM).queryParam("agentId", "agent-1").get("/api/interactions").then().body("total", equalTo(0));
        a.as(PLATFORM).get("/api/interactions").then().body("total", equalTo(2));
    }

    @Test
    void everyPageIdAndParameterIsBoundedWithA400ProblemNeverA500() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        String chat = start(api, "support", "agent-1");
        String list = "/api/interactions";
        List<Supplier<RequestSpecification>> callers = List.of(() -> api.as(PLATFORM), api::asAdmin);
        for (Supplier<RequestSpecification> as : callers) {
            expectProblem(as.get().queryParam("page", "99999999").get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("page", "2147483647").get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("page", "99999999999").get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("page", "5001").queryParam("size", "200").get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("size", "201").get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("size", "-1").get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("agentId", "a".repeat(65)).get(list), 400, "invalid-query");
            expectProblem(as.get().queryParam("state", "x".repeat(2_000)).get(list), 400, "invalid-query");
            as.get().queryParam("page", "5000").queryParam("size", "200").get(list).then().statusCode(200)
                    .body("items.size()", equalTo(0)).body("page", equalTo(5000));
            as.get().queryParam("agentId", "a".repeat(64)).get(list).then().statusCode(200);
            expectProblem(as.get().get(list + "/{id}", "x".repeat(65)), 400, "invalid-id");
            expectProblem(as.get().get(list + "/{id}", "x".repeat(3_000)), 400, "invalid-id");
        }
        String messages = list + "/{id}/messages";
        expectProblem(api.as(PLATFORM).get(messages, "x".repeat(65)), 400, "invalid-id");
        expectProblem(api.as(PLATFORM).queryParam("after", "-1").get(messages, chat), 400, "invalid-query");
        expectProblem(api.as(PLATFORM).queryParam("after", "99999999999999999999").get(messages, chat), 400, "invalid-query");
        expectProblem(api.as(PLATFORM).queryParam("limit", "201").get(messages, chat), 400, "invalid-query");
        api.as(PLATFORM).queryParam("after", String.valueOf(Long.MAX_VALUE)).get(messages, chat).then().statusCode(200)
                .body("size()", equalTo(0));

        // writing: ids in paths and bodies at most 64 characters, names at most 200
        String conversations = "/api/conversations";
        Map<String, String> message = Map.of("authorRole", "CUSTOMER", "text", "hi");
        expectProblem(api.as(PLATFORM).body(message).post(conversations + "/{id}/messages", "x".repeat(65)), 400, "invalid-id");
        expectProblem(api.as(PLATFORM).body(Map.of("by", "AGENT")).post(conversations + "/{id}/end", "x".repeat(65)), 400,
                "invalid-id");
        expectProblem(api.as(PLATFORM).delete(conversations + "/{id}/participants/{p}", chat, "p".repeat(65)), 400,
                "invalid-id");
        expectProblem(api.as(PLATFORM).body(Map.of("participantId", "p".repeat(65)))
                .post(conversations + "/{id}/participants", chat), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of("participantId", "agent-2", "displayName", "n".repeat(201)))
                .post(conversations + "/{id}/participants", chat), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "AGENT", "authorId", "a".repeat(65), "text", "hi"))
                .post(conversations + "/{id}/messages", chat), 400, "invalid-conversation");
        Map<String, String> good = Map.of("channel", "CHAT", "flowId", "support", "customer", "c", "agentId", "a");
        for (String field : new String[] {"customer", "agentId"}) {
            Map<String, String> body = new java.util.HashMap<>(good);
            body.put(field, "i".repeat(65));
            expectProblem(api.as(PLATFORM).body(body).post(conversations), 400, "invalid-conversation");
        }
        for (String field : new String[] {"customerName", "agentName"}) {
            Map<String, String> body = new java.util.HashMap<>(good);
            body.put(field, "n".repeat(201));
            expectProblem(api.as(PLATFORM).body(body).post(conversations), 400, "invalid-conversation");
        }
        api.as(PLATFORM).get("/api/interactions/{id}", chat).then().body("participants.size()", equalTo(2))
                .body("lastSequence", equalTo(0));
    }

    @Test
    void aTenMegabyteBodyGets413AsAProblemNotABareStatus() throws java.io.IOException {
        Api api = new Api().withChannelPlatform();
        String chat = start(api, "support", "agent-1");
        for (String path : new String[] {"/api/conversations/" + chat + "/messages", "/api/conversations"}) {
            DigitalConversationsTest.RawAnswer answer = DigitalConversationsTest.postRaw(api, path, 10 * 1024 * 1024);
            org.junit.jupiter.api.Assertions.assertEquals(413, answer.status(), answer.body());
            org.junit.jupiter.api.Assertions.assertTrue(answer.contentType().startsWith(PROBLEM), answer.contentType());
            org.junit.jupiter.api.Assertions.assertEquals("urn:problem:monitoring:payload-too-large",
                    new io.restassured.path.json.JsonPath(answer.body()).getString("type"));
        }
    }

    // --- helpers --------------------------------------------------------------------------

    /** Starts a chat as the channel platform on {@code flowId} and returns its id. */
    static String start(Api api, String flowId, String agentId) {
        return api.as(PLATFORM).body(Map.of("channel", "CHAT", "flowId", flowId, "customer", "visitor-" + UUID.randomUUID(),
                        "agentId", agentId))
                .post("/api/conversations").then().statusCode(201).extract().path("id");
    }

    static void post(Api api, String id, String text) {
        api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", text)).post("/api/conversations/{id}/messages", id)
                .then().statusCode(201);
    }

    static io.restassured.response.ValidatableResponse expectProblem(Response response, int status, String type) {
        return response.then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:" + type))
                .body("status", equalTo(status))
                .body("detail", notNullValue());
    }
}
