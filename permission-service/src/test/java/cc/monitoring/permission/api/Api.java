package cc.monitoring.permission.api;

import cc.monitoring.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** A tenant of its own for one test: its administrator, and helpers to call the API as anyone in it. */
final class Api {

    final String tenant = Tokens.uniqueTenant();
    final String adminId = "admin-" + UUID.randomUUID();

    RequestSpecification asAdmin() {
        return as(adminId, "Administrator");
    }

    RequestSpecification as(String userId, String... groups) {
        return given().auth().oauth2(Tokens.user(tenant, userId).name("User " + userId).groups(groups).sign())
                .contentType(ContentType.JSON);
    }

    /** Creates or replaces a user as the tenant's administrator. */
    void putUser(String subject, String role, List<Map<String, String>> extensions) {
        asAdmin().body(Map.of("displayName", "Name of " + subject, "role", role, "extensions", extensions))
                .put("/api/users/{s}", subject)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    String createRole(String name, String... permissions) {
        return asAdmin().body(Map.of("name", name, "permissions", List.of(permissions)))
                .post("/api/roles")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, String> ext(String label, String kind, String address) {
        return Map.of("label", label, "kind", kind, "address", address);
    }
}
