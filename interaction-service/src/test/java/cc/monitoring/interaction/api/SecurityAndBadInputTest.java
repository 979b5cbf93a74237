package cc.monitoring.interaction.api;

import cc.monitoring.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SecurityAndBadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().get("/api/flows").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:unauthenticated"));
        given().post("/api/agent-desktop/session").then().statusCode(401).contentType(PROBLEM);
        String tenant = Tokens.uniqueTenant();
        given().auth().oauth2(Tokens.user(tenant, "mallory").signForged()).get("/api/interactions")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.user(tenant, "late").expired().sign()).get("/api/flows")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void B06_aTokenWithoutTenantIsRefused() {
        given().auth().oauth2(Tokens.user(null, "nomad").sign()).get("/api/flows").then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("urn:problem:monitoring:tenant-missing"));
    }

    @Test
    void B08_agentsStrangersAndMonitorsCannotReadInteractionsHere() {
        Api api = new Api();
        api.grant("agent", 1, "Agent");
        api.grant("sup", 1, "Supervisor", Api.SUPERVISOR);
        for (String user : new String[] {"agent", "sup", "stranger"}) {
            expectProblem(api.as(user).get("/api/interactions"), 403, "interactions-not-permitted");
            expectProblem(api.as(user).get("/api/interactions/{id}", UUID.randomUUID()), 403, "interactions-not-permitted");
            expectProblem(api.as(user).get("/api/interactions/{id}/messages", UUID.randomUUID()), 403,
                    "interactions-not-permitted");
            // the permission comes first: bad parameters or ids tell a refused caller nothing either
            expectProblem(api.as(user).queryParam("page", "99999999").get("/api/interactions"), 403,
                    "interactions-not-permitted");
            expectProblem(api.as(user).get("/api/interactions/{id}", "x".repeat(65)), 403, "interactions-not-permitted");
        }
    }

    @Test
    void badInputGetsAProblemWithAStableTypeAndChangesNothing() {
        Api api = new Api().withAdministrator();
        api.asAdmin().body(Api.flow("Sales", true)).put("/api/flows/{f}", "sales").then().statusCode(201);

        expectProblem(api.asAdmin().body("{\"name\": \"Sales\", ").put("/api/flows/{f}", "sales"), 400, "malformed-json");
        expectProblem(api.asAdmin().body("{\"name\": \"Sales\", \"silentMonitoring\": \"maybe\"}")
                .put("/api/flows/{f}", "sales"), 400, "malformed-json");
        expectProblem(api.asAdmin().body("{\"name\": {\"first\": 1}, \"silentMonitoring\": false}")
                .put("/api/flows/{f}", "sales"), 400, "malformed-json");
        expectProblem(api.asAdmin().body("[true]").put("/api/flows/{f}", "sales"), 400, "malformed-json");
        expectProblem(api.asAdmin().body(Map.of("name", "Sales")).put("/api/flows/{f}", "sales"), 400, "invalid-flow");
        expectProblem(api.asAdmin().body(Map.of("name", "x".repeat(201), "silentMonitoring", false))
                .put("/api/flows/{f}", "sales"), 400, "invalid-flow");
        expectProblem(api.asAdmin().body(Api.flow("Bad", false)).put("/api/flows/{f}", "bad flow!"), 400, "invalid-flow");
        expectProblem(api.asAdmin().body(Api.flow("Long", false)).put("/api/flows/{f}", "f".repeat(101)), 400, "invalid-flow");
        expectProblem(api.asAdmin().body(Map.of("name", "x".repeat(300_000), "silentMonitoring", false))
                .put("/api/flows/{f}", "sales"), 413, "payload-too-large");
        expectProblem(api.asAdmin().contentType(ContentType.TEXT).body("silentMonitoring=false")
                .put("/api/flows/{f}", "sales"), 415, "unsupported-media-type");

        expectProblem(api.asAdmin().get("/api/flows/{f}", "bad flow!"), 404, "flow-not-found");
        expectProblem(api.asAdmin().get("/api/flows/{f}", "nope"), 404, "flow-not-found");
        expectProblem(api.asAdmin().get("/api/interactions/{id}", "not-a-uuid"), 404, "interaction-not-found");
        expectProblem(api.asAdmin().get("/api/interactions/{id}", UUID.randomUUID()), 404, "interaction-not-found");
        expectProblem(api.asAdmin().queryParam("state", "RINGING").get("/api/interactions"), 400, "invalid-query");
        expectProblem(api.asAdmin().queryParam("channel", "FAX").get("/api/interactions"), 400, "invalid-query");
        expectProblem(api.asAdmin().queryParam("size", "0").get("/api/interactions"), 400, "invalid-query");
        expectProblem(api.asAdmin().queryParam("page", "abc").get("/api/interactions"), 400, "invalid-query");
        expectProblem(api.asAdmin().get("/api/interactions/{id}", "x".repeat(65)), 400, "invalid-id");
        expectProblem(api.asAdmin().delete("/api/flows/{f}", "sales"), 405, "method-not-allowed");

        api.asAdmin().get("/api/flows/{f}", "sales").then().statusCode(200)
                .body("name", equalTo("Sales")).body("silentMonitoring", equalTo(true));
    }

    private static void expectProblem(io.restassured.response.Response response, int status, String type) {
        response.then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:" + type))
                .body("status", equalTo(status))
                .body("detail", notNullValue());
    }
}
