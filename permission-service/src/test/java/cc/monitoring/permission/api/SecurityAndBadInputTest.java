package cc.monitoring.permission.api;

import cc.monitoring.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.monitoring.permission.api.Api.ext;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityAndBadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/api/me").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:unauthenticated"));
    }

    @Test
    void aForgedOrExpiredTokenIs401() {
        String tenant = Tokens.uniqueTenant();
        given().auth().oauth2(Tokens.user(tenant, "mallory").groups("Administrator").signForged())
                .get("/api/users").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.user(tenant, "late").expired().sign())
                .get("/api/me").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2("not.a.jwt").get("/api/me").then().statusCode(401);
    }

    @Test
    void B06_aTokenWithoutTenantIsRefused() {
        given().auth().oauth2(Tokens.user(null, "nomad").sign())
                .get("/api/me").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:tenant-missing"));
    }

    @Test
    void aNonAdministratorCannotManageUsersOrRoles() {
        Api api = new Api();
        api.putUser("sup", "Supervisor", List.of());
        api.as("sup").body(Map.of("role", "Administrator")).put("/api/users/{s}", "sup")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:not-permitted"))
                .body("detail", containsString("MANAGE_USERS"));
        api.as("sup").get("/api/users").then().statusCode(403);
        api.as("sup").body(Map.of("name", "Mine", "permissions", List.of())).post("/api/roles").then().statusCode(403);
        api.as("sup").get("/api/me").then().body("role", equalTo("Supervisor"));
    }

    @Test
    void badInputGetsAProblemWithAStableTypeAndChangesNothing() {
        Api api = new Api();
        api.putUser("sam", "Supervisor", List.of(ext("Desk", "SIP", "sip:sam@pbx.example.com")));

        expectProblem(api.asAdmin().body(Map.of("name", "X", "permissions", List.of("MONITOR_ALL_CALLS", "FLY")))
                .post("/api/roles"), 400, "unknown-permission");
        expectProblem(api.asAdmin().body(Map.of("role", "Supervisor", "extensions", List.of(ext("Mobile", "PSTN", "555-0101"))))
                .put("/api/users/{s}", "sam"), 400, "invalid-extension");
        expectProblem(api.asAdmin().body(Map.of("role", "Supervisor", "extensions", List.of(
                        ext("Desk", "SIP", "sip:sam@pbx.example.com"), ext("Desk again", "SIP", "sip:sam@pbx.example.com"))))
                .put("/api/users/{s}", "sam"), 400, "duplicate-extension");
        expectProblem(api.asAdmin().body(Map.of("role", "Overlord")).put("/api/users/{s}", "sam"), 400, "unknown-role");
        expectProblem(api.asAdmin().body("{\"role\": \"Supervisor\", ").put("/api/users/{s}", "sam"), 400, "malformed-json");
        expectProblem(api.asAdmin().body("{\"role\": \"Supervisor\", \"extensions\": \"many\"}")
                .put("/api/users/{s}", "sam"), 400, "malformed-json");
        expectProblem(api.asAdmin().body(Map.of("role", "Supervisor", "displayName", "x".repeat(300_000)))
                .put("/api/users/{s}", "sam"), 413, "payload-too-large");
        expectProblem(api.asAdmin().contentType(ContentType.TEXT).body("role=Supervisor")
                .put("/api/users/{s}", "sam"), 415, "unsupported-media-type");
        expectProblem(api.asAdmin().body(Map.of("role", "Agent")).put("/api/users/{s}", "bad subject!"), 400, "invalid-user");
        expectProblem(api.asAdmin().get("/api/roles/{id}", "not-a-uuid"), 404, "role-not-found");
        // bounds: ids at most 64 characters, page × size at most 1,000,000
        expectProblem(api.asAdmin().body(Map.of("role", "Agent")).put("/api/users/{s}", "s".repeat(65)), 400, "invalid-user");
        expectProblem(api.asAdmin().get("/api/users/{s}", "s".repeat(1_000)), 400, "invalid-user");
        api.asAdmin().body(Map.of("role", "Agent")).put("/api/users/{s}", "s".repeat(64)).then().statusCode(201);
        expectProblem(api.asAdmin().queryParam("page", 2147483647).get("/api/users"), 400, "invalid-user");
        expectProblem(api.asAdmin().queryParam("page", 20_000_000).queryParam("size", 1).get("/api/users"), 400, "invalid-user");
        expectProblem(api.asAdmin().queryParam("size", 201).get("/api/users"), 400, "invalid-user");
        api.asAdmin().queryParam("page", 4_999).queryParam("size", 200).get("/api/users").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        expectProblem(api.asAdmin().body(Map.of("name", "Supervisor", "permissions", List.of())).post("/api/roles"),
                409, "role-exists");

        api.as("sam").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Supervisor"))
                .body("extensions.label", contains("Desk"));
    }

    private static void expectProblem(io.restassured.response.Response response, int status, String type) {
        response.then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:" + type))
                .body("status", equalTo(status))
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }
}
