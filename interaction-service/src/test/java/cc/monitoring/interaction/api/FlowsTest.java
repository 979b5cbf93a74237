package cc.monitoring.interaction.api;

import cc.monitoring.contracts.EventTypes;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class FlowsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void B03_interactionKeepsTheToggleItsFlowHadAtStart() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        api.asAdmin().body(Api.flow("Sales", true)).put("/api/flows/{f}", "sales").then().statusCode(201);
        String running = api.startCall("call-" + UUID.randomUUID(), "sales", "agent-1");

        api.asAdmin().body(Api.flow("Sales (private)", false)).put("/api/flows/{f}", "sales").then().statusCode(200)
                .body("silentMonitoring", equalTo(false));
        String next = api.startCall("call-" + UUID.randomUUID(), "sales", "agent-2");

        api.as(Api.PLATFORM).get("/api/interactions/{id}", running).then()
                .body("silentMonitoring", equalTo(true)).body("flowName", equalTo("Sales"));
        api.as(Api.PLATFORM).get("/api/interactions/{id}", next).then()
                .body("silentMonitoring", equalTo(false)).body("flowName", equalTo("Sales (private)"));
        // an administrator still sees the one that started while the toggle was on, and not the other (B08)
        api.asAdmin().get("/api/interactions/{id}", running).then().statusCode(200);
        api.asAdmin().get("/api/interactions/{id}", next).then().statusCode(404);
        api.awaitInteractionEvent(EventTypes.INTERACTION_STARTED,
                r -> next.equals(r.key()) && !Api.data(r).path("silentMonitoring").asBoolean());
    }

    @Test
    void anAdministratorCreatesThenReplacesAFlowAndEveryoneInTheTenantReadsIt() {
        Api api = new Api().withAdministrator();
        api.asAdmin().body(Api.flow("Billing", false)).put("/api/flows/{f}", "billing").then().statusCode(201)
                .body("id", equalTo("billing")).body("name", equalTo("Billing"))
                .body("silentMonitoring", equalTo(false)).body("updatedAt", notNullValue());
        api.asAdmin().body(Api.flow("Billing & Payments", true)).put("/api/flows/{f}", "billing").then().statusCode(200)
                .body("name", equalTo("Billing & Payments")).body("silentMonitoring", equalTo(true));
        api.asAdmin().body(Api.flow("Accounts", true)).put("/api/flows/{f}", "accounts").then().statusCode(201);

        // an agent permission-service never told us about may still read flows
        api.as("agent-" + UUID.randomUUID()).get("/api/flows").then().statusCode(200)
                .body("id", contains("accounts", "billing"))
                .body("name", contains("Accounts", "Billing & Payments"));
        api.as("someone").get("/api/flows/{f}", "billing").then().statusCode(200).body("silentMonitoring", equalTo(true));
    }

    @Test
    void onlyAdministratorsPerPermissionEventsChangeFlows() {
        Api api = new Api().withAdministrator();
        api.grant("sup", 1, "Supervisor", "MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS");
        api.grant("agent", 1, "Agent");

        for (String user : new String[] {"sup", "agent", "stranger"}) {
            api.as(user).body(Api.flow("Mine", false)).put("/api/flows/{f}", "sales").then().statusCode(403)
                    .contentType(PROBLEM)
                    .body("type", equalTo("urn:problem:monitoring:not-permitted"))
                    .body("detail", containsString("MANAGE_USERS"));
        }
        // the token's groups claim is not a permission: a self-declared Administrator is still refused
        api.asWithGroups("stranger", "Administrator").body(Api.flow("Mine", false)).put("/api/flows/{f}", "sales")
                .then().statusCode(403);
        api.asAdmin().get("/api/flows").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void permissionsFollowTheNewestRevisionAndARemovedUserHoldsNothing() {
        Api api = new Api();
        api.grant("pat", 1, "Administrator", "MONITOR_ALL_CALLS", "MANAGE_USERS");
        api.as("pat").body(Api.flow("Sales", true)).put("/api/flows/{f}", "sales").then().statusCode(201);

        api.grant("pat", 3, "Channel Platform", "HANDLE_CONVERSATIONS");
        api.as("pat").body(Api.flow("Sales", false)).put("/api/flows/{f}", "sales").then().statusCode(403);
        api.grant("pat", 2, "Administrator", "MONITOR_ALL_CALLS", "MANAGE_USERS");
        api.as("pat").body(Api.flow("Sales", false)).put("/api/flows/{f}", "sales").then().statusCode(403);
        api.as("pat").get("/api/interactions").then().statusCode(200);

        api.remove("pat", 4);
        api.as("pat").get("/api/interactions").then().statusCode(403).contentType(PROBLEM);
        api.as("pat").get("/api/flows/{f}", "sales").then().statusCode(200).body("silentMonitoring", equalTo(true));
    }
}
