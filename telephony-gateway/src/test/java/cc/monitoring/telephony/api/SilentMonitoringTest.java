package cc.monitoring.telephony.api;

import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.telephony.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.monitoring.telephony.api.CallsTest.expectProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsInAnyOrder;

/**
 * Silent means silent (B07): who may see calls and monitor legs through the gateway, and who may drive
 * the simulated phone network. Permissions come from permission-events only, never from the token.
 */
@QuarkusTest
class SilentMonitoringTest {

    private static final String[] SUPERVISOR = {PermissionNames.MONITOR_ALL_CALLS, PermissionNames.BARGE_ALL_CALLS,
            PermissionNames.COACH_CALLS};
    private static final String[] ADMINISTRATOR = {PermissionNames.MONITOR_ALL_CALLS, PermissionNames.BARGE_ALL_CALLS,
            PermissionNames.COACH_CALLS, PermissionNames.MANAGE_USERS, PermissionNames.VIEW_AUDIT};

    @Test
    void B07_agentCannotSeeMonitorLegsOfOwnCall() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall(); // the agent is agent-1
        tenant.grant("agent-1", "Agent");
        tenant.grant("sam", "Supervisor", SUPERVISOR);
        tenant.connectedLeg(callId, "sam");

        expectProblem(tenant.as("agent-1").get("/api/telephony/calls/{id}", callId), 403, "call-details-not-permitted");
        expectProblem(tenant.as("agent-1").get("/api/telephony/calls"), 403, "call-details-not-permitted");
        // a token that claims the Administrator group counts for nothing: permissions come from permission-events
        String claimsAdmin = cc.monitoring.testsupport.Tokens.user(tenant.id, "agent-1").groups("Administrator", "Supervisor").sign();
        expectProblem(given().auth().oauth2(claimsAdmin).get("/api/telephony/calls/{id}", callId), 403,
                "call-details-not-permitted");
        // a user the gateway never heard of is no better off
        expectProblem(tenant.as("stranger").get("/api/telephony/calls"), 403, "call-details-not-permitted");
        // the refusal does not even tell whether the call exists
        expectProblem(tenant.as("agent-1").get("/api/telephony/calls/{id}", "no-such-call"), 403, "call-details-not-permitted");
    }

    @Test
    void B07_aMonitorSeesOnlyTheCallsTheyMonitorAndOnlyTheirOwnLegs() {
        Tenant tenant = new Tenant();
        String watched = tenant.placeCall();
        String other = tenant.placeCall();
        tenant.grant("sam", "Supervisor", SUPERVISOR);
        tenant.grant("sue", "Supervisor", SUPERVISOR);
        String samsSession = tenant.connectedLeg(watched, "sam");
        String suesSession = tenant.connectedLeg(watched, "sue");
        tenant.connectedLeg(other, "sue");

        tenant.as("sam").get("/api/telephony/calls/{id}", watched).then().statusCode(200)
                .body("monitorLegs", hasSize(1))
                .body("monitorLegs[0].sessionId", equalTo(samsSession))
                .body("monitorLegs[0].supervisorId", equalTo("sam"))
                .body("monitorLegs.sessionId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(suesSession)));
        expectProblem(tenant.as("sam").get("/api/telephony/calls/{id}", other), 404, "call-not-found");
        tenant.as("sam").get("/api/telephony/calls").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.callId", equalTo(List.of(watched)));
        tenant.as("sam").get("/api/telephony/calls?state=ENDED").then().statusCode(200).body("total", equalTo(0));
        tenant.as("sue").get("/api/telephony/calls").then().body("total", equalTo(2));
    }

    @Test
    void B07_anAuditReaderSeesEveryLegAndTheSimulatorNone() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String first = tenant.connectedLeg(callId, "sam");
        String second = tenant.connectedLeg(callId, "sue");

        tenant.audit().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .body("monitorLegs.sessionId", containsInAnyOrder(first, second))
                .body("monitorLegs.supervisorId", containsInAnyOrder("sam", "sue"));
        tenant.grant("ada", "Administrator", ADMINISTRATOR);
        tenant.as("ada").get("/api/telephony/calls/{id}", callId).then().body("monitorLegs", hasSize(2));

        tenant.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .body("callId", equalTo(callId))
                .body("monitorLegs", hasSize(0));
        tenant.api().get("/api/telephony/calls").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void B07_B06_onlyThePhoneSimulatorPlacesAndHangsUpCallsAndInjectsFailures() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        tenant.grant("agent-1", "Agent");
        tenant.grant("sam", "Supervisor", SUPERVISOR);
        tenant.grant("ada", "Administrator", ADMINISTRATOR);
        Map<String, String> call = Map.of("flowId", "flow-sales", "agentId", "agent-1", "customerNumber", "+14155550100");

        for (String user : List.of("agent-1", "sam", "ada", "stranger")) {
            expectProblem(tenant.as(user).body(call).post("/api/telephony/calls"), 403, "simulator-not-permitted");
            expectProblem(tenant.as(user).body(Map.of("by", "AGENT")).post("/api/telephony/calls/{id}/hangup", callId),
                    403, "simulator-not-permitted");
            expectProblem(tenant.as(user).body(Map.of("failure", "BUSY"))
                    .put("/api/telephony/simulator/failures/{a}", "sip:sam@pbx.example.com"), 403, "simulator-not-permitted");
            expectProblem(tenant.as(user).delete("/api/telephony/simulator/failures/{a}", "sip:sam@pbx.example.com"),
                    403, "simulator-not-permitted");
            expectProblem(tenant.as(user).get("/api/telephony/simulator/failures"), 403, "simulator-not-permitted");
        }
        // nothing changed: the call is up, no failure was injected, no other call exists
        tenant.api().get("/api/telephony/calls/{id}", callId).then().statusCode(200).body("state", equalTo("ACTIVE"));
        tenant.api().get("/api/telephony/simulator/failures").then().statusCode(200).body("size()", equalTo(0));
        tenant.api().get("/api/telephony/calls").then().body("total", equalTo(1));
    }

    @Test
    void B07_B28_aRevokedPermissionCountsFromTheNextRequest() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        tenant.grant("sam", "Supervisor", SUPERVISOR);
        tenant.connectedLeg(callId, "sam");
        tenant.as("sam").get("/api/telephony/calls/{id}", callId).then().statusCode(200);

        tenant.grant("sam", "Agent");
        expectProblem(tenant.as("sam").get("/api/telephony/calls/{id}", callId), 403, "call-details-not-permitted");

        tenant.grant(tenant.simulator, "Agent");
        expectProblem(tenant.api().body(Map.of("by", "AGENT")).post("/api/telephony/calls/{id}/hangup", callId),
                403, "simulator-not-permitted");
        tenant.remove("sam");
        expectProblem(tenant.as("sam").get("/api/telephony/calls"), 403, "call-details-not-permitted");
    }
}
