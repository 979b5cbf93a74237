package cc.monitoring.interaction.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TenantIsolationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void B06_anotherTenantCannotReadOrListTheInteractionsOrFlows() {
        Api a = new Api().withAdministrator();
        Api b = new Api().withAdministrator();
        a.asAdmin().body(Api.flow("Sales A", true)).put("/api/flows/{f}", "sales").then().statusCode(201);
        String callId = "call-" + UUID.randomUUID();
        String interactionA = a.startCall(callId, "sales", "agent-a");
        a.asAdmin().get("/api/interactions/{id}", interactionA).then().statusCode(200);

        b.asAdmin().get("/api/interactions/{id}", interactionA).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:interaction-not-found"));
        b.asAdmin().get("/api/interactions").then().statusCode(200).body("total", equalTo(0))
                .body("items.id", not(hasItem(interactionA)));
        b.asAdmin().get("/api/flows/{f}", "sales").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:flow-not-found"));
        b.asAdmin().get("/api/flows").then().statusCode(200).body("size()", equalTo(0));

        // the same flow id is another flow in tenant B; changing it leaves tenant A's alone
        b.asAdmin().body(Api.flow("Sales B", false)).put("/api/flows/{f}", "sales").then().statusCode(201);
        a.asAdmin().get("/api/flows/{f}", "sales").then().body("name", equalTo("Sales A"))
                .body("silentMonitoring", equalTo(true));
        // tenant A's administrator is nobody in tenant B: the same user id with B's tenant claim holds nothing
        b.as(a.adminId).get("/api/interactions").then().statusCode(403);
    }
}
