package cc.monitoring.permission.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.monitoring.permission.api.Api.ext;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class RolesAndUsersTest {

    @Test
    void B01_builtInRolesAreCreatedOnFirstUseWithTheirPermissions() {
        Api api = new Api();
        api.asAdmin().get("/api/roles").then().statusCode(200)
                .body("name", contains("Administrator", "Agent", "Supervisor"))
                .body("find { it.name == 'Administrator' }.permissions",
                        containsInAnyOrder("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS", "MANAGE_USERS", "VIEW_AUDIT",
                                "REVIEW_TRANSCRIPTS"))
                .body("find { it.name == 'Supervisor' }.permissions",
                        containsInAnyOrder("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS"))
                .body("find { it.name == 'Agent' }.permissions", empty())
                .body("builtIn", contains(true, true, true));
    }

    @Test
    void B01_aSupervisorCanMonitorAndAnAgentCannot() {
        Api api = new Api();
        api.putUser("sup-1", "Supervisor", List.of());
        api.putUser("agent-1", "Agent", List.of());
        api.as("sup-1").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Supervisor"))
                .body("permissions", hasItem("MONITOR_ALL_CALLS"));
        api.as("agent-1").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Agent"))
                .body("permissions", empty());
    }

    @Test
    void B01_aCustomRoleGrantsExactlyItsPermissionsAndEditsApplyToItsHolders() {
        Api api = new Api();
        String roleId = api.createRole("Monitor Only", "MONITOR_ALL_CALLS");
        api.putUser("mona", "Monitor Only", List.of());
        api.as("mona").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Monitor Only"))
                .body("permissions", contains("MONITOR_ALL_CALLS"));

        api.asAdmin().body(Map.of("permissions", List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS")))
                .put("/api/roles/{id}", roleId).then().statusCode(200)
                .body("permissions", contains("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"));
        api.as("mona").get("/api/me").then().body("permissions", contains("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"));
    }

    @Test
    void B35_theChannelPlatformGetsARoleWithHandleConversationsWhichNoPersonsBuiltInRoleHolds() {
        Api api = new Api();
        api.createRole("Channel Platform", "HANDLE_CONVERSATIONS");
        api.putUser("chat-platform", "Channel Platform", List.of());
        api.putUser("sup-1", "Supervisor", List.of());
        api.as("chat-platform").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Channel Platform"))
                .body("permissions", contains("HANDLE_CONVERSATIONS"));
        api.as("sup-1").get("/api/me").then().statusCode(200)
                .body("permissions", not(hasItem("HANDLE_CONVERSATIONS")));
        api.asAdmin().get("/api/me").then().statusCode(200)
                .body("permissions", not(hasItem("HANDLE_CONVERSATIONS")))
                .body("permissions", hasItem("MANAGE_USERS"));
    }

    @Test
    void B07_thePhoneSimulatorGetsARoleWithOperateSimulatorWhichNoBuiltInRoleHolds() {
        Api api = new Api();
        api.createRole("Phone Simulator", "OPERATE_SIMULATOR");
        api.putUser("phone-simulator", "Phone Simulator", List.of());
        api.putUser("sup-1", "Supervisor", List.of());
        api.as("phone-simulator").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Phone Simulator"))
                .body("permissions", contains("OPERATE_SIMULATOR"));
        api.as("sup-1").get("/api/me").then().body("permissions", not(hasItem("OPERATE_SIMULATOR")));
        api.asAdmin().get("/api/me").then().body("permissions", not(hasItem("OPERATE_SIMULATOR")));
    }

    @Test
    void aUserSeenForTheFirstTimeIsProvisionedFromTheTokenGroupsElseAsAgent() {
        Api api = new Api();
        api.as("new-sup", "Supervisor").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Supervisor")).body("extensions", empty());
        api.as("someone", "offline_access").get("/api/me").then().statusCode(200)
                .body("role", equalTo("Agent"));
        // afterwards the stored role decides, not the token
        api.as("someone", "Administrator").get("/api/me").then().body("role", equalTo("Agent"));
    }

    @Test
    void B20_extensionsComeBackExactlyInTheConfiguredOrder() {
        Api api = new Api();
        List<Map<String, String>> configured = List.of(
                ext("Mobile", "PSTN", "+14155550101"),
                ext("Desk phone", "SIP", "sip:sam@pbx.acme.example"),
                ext("Browser", "WEBRTC", "client:sam"),
                ext("Home", "PSTN", "+14155550199"));
        api.putUser("sam", "Supervisor", configured);
        api.as("sam").get("/api/me").then().statusCode(200)
                .body("extensions.label", contains("Mobile", "Desk phone", "Browser", "Home"))
                .body("extensions.address", contains("+14155550101", "sip:sam@pbx.acme.example", "client:sam", "+14155550199"))
                .body("extensions.kind", contains("PSTN", "SIP", "WEBRTC", "PSTN"));

        api.asAdmin().body(List.of(configured.get(3), configured.get(2), configured.get(0)))
                .put("/api/users/{s}/extensions", "sam").then().statusCode(200)
                .body("extensions.label", contains("Home", "Browser", "Mobile"));
        api.as("sam").get("/api/me").then().body("extensions.label", contains("Home", "Browser", "Mobile"));
    }

    @Test
    void administratorsListUsersPageByPage() {
        Api api = new Api();
        for (int i = 0; i < 5; i++) {
            api.putUser("user-" + i, "Agent", List.of());
        }
        api.asAdmin().queryParam("size", 2).queryParam("page", 1).get("/api/users").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("total", equalTo(6)).body("page", equalTo(1));
    }

    @Test
    void aRoleHeldByUsersCannotBeRemovedAndBuiltInsNeverCanBe() {
        Api api = new Api();
        String roleId = api.createRole("Night shift", "MONITOR_ALL_CALLS");
        api.putUser("n1", "Night shift", List.of());
        api.asAdmin().delete("/api/roles/{id}", roleId).then().statusCode(409)
                .body("type", equalTo("urn:problem:monitoring:role-in-use"));
        api.putUser("n1", "Agent", List.of());
        api.asAdmin().delete("/api/roles/{id}", roleId).then().statusCode(204);

        String agentId = api.asAdmin().get("/api/roles").then().extract().path("find { it.name == 'Agent' }.id");
        api.asAdmin().body(Map.of("permissions", List.of("MONITOR_ALL_CALLS"))).put("/api/roles/{id}", agentId)
                .then().statusCode(409).body("type", equalTo("urn:problem:monitoring:built-in-role-immutable"));
        api.asAdmin().get("/api/roles").then().body("name", not(hasItem("Night shift")));
    }
}
