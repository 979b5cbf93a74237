package cc.monitoring.permission.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.monitoring.permission.api.Api.ext;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TenantIsolationTest {

    @Test
    void B06_anAdministratorCannotReadOrChangeAnotherTenantsUsersOrRoles_bothDirections() {
        Api a = new Api();
        Api b = new Api();
        String roleOfA = a.createRole("A monitors", "MONITOR_ALL_CALLS");
        String roleOfB = b.createRole("B monitors", "MONITOR_ALL_CALLS");
        a.putUser("alice", "A monitors", List.of(ext("Desk", "SIP", "sip:alice@a.example")));
        b.putUser("bob", "B monitors", List.of(ext("Desk", "SIP", "sip:bob@b.example")));

        assertInvisible(b, roleOfA, "alice");
        assertInvisible(a, roleOfB, "bob");

        // nothing of A changed through B's attempts
        a.as("alice").get("/api/me").then().statusCode(200)
                .body("role", equalTo("A monitors"))
                .body("extensions.address", contains("sip:alice@a.example"));
        a.asAdmin().get("/api/roles/{id}", roleOfA).then().statusCode(200)
                .body("permissions", contains("MONITOR_ALL_CALLS"));
    }

    @Test
    void B06_theSameSubjectInTwoTenantsIsTwoUnrelatedUsers() {
        Api a = new Api();
        Api b = new Api();
        a.putUser("shared-sub", "Supervisor", List.of(ext("Desk", "SIP", "sip:x@a.example")));
        b.putUser("shared-sub", "Agent", List.of());
        a.as("shared-sub").get("/api/me").then().body("role", equalTo("Supervisor")).body("tenantId", equalTo(a.tenant));
        b.as("shared-sub").get("/api/me").then().body("role", equalTo("Agent")).body("tenantId", equalTo(b.tenant))
                .body("extensions.size()", equalTo(0));
    }

    private static void assertInvisible(Api other, String roleId, String subject) {
        other.asAdmin().get("/api/roles/{id}", roleId).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:problem:monitoring:role-not-found"));
        other.asAdmin().body(Map.of("permissions", List.of("VIEW_AUDIT"))).put("/api/roles/{id}", roleId)
                .then().statusCode(404);
        other.asAdmin().delete("/api/roles/{id}", roleId).then().statusCode(404);
        other.asAdmin().get("/api/users/{s}", subject).then().statusCode(404)
                .body("type", equalTo("urn:problem:monitoring:user-not-found"));
        other.asAdmin().body(List.of()).put("/api/users/{s}/extensions", subject).then().statusCode(404);
        other.asAdmin().delete("/api/users/{s}", subject).then().statusCode(404);
        other.asAdmin().get("/api/users").then().statusCode(200).body("items.subject", not(hasItem(subject)));
        other.asAdmin().get("/api/roles").then().statusCode(200).body("id", not(hasItem(roleId)));
    }
}
