package cc.monitoring.monitor.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;


import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static cc.monitoring.monitor.api.World.awaitCommand;
import static cc.monitoring.monitor.api.World.awaitEvent;
import static cc.monitoring.monitor.api.World.desk;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SessionService's one path: commands to the session's own call, refusals audited once (issue 9). */
@QuarkusTest
class SessionActionsTest {

    @Test
    void B21_B24_everyLegCommandGoesToTheCallTheSessionJoined() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String session = world.monitor("sam", call.interactionId(), desk("sam").address());

        CloudEvent dial = awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.DIAL_MONITOR_LEG, session);
        assertEquals(call.callId(), dial.dataAs(DialMonitorLeg.class).callId());
        world.legConnected(call, session);
        world.awaitSession("sam", session, "ACTIVE");
        world.as("sam").post("/api/monitoring/sessions/{id}/barge", session).then().statusCode(200);
        assertEquals(call.callId(), awaitCommand(session, LegMode.UNMUTED).callId());
        world.as("sam").delete("/api/monitoring/sessions/{id}", session).then().statusCode(200)
                .body("endReason", equalTo("SUPERVISOR_HUNG_UP"));
        CloudEvent hangUp = awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.HANG_UP_MONITOR_LEG, session);
        assertEquals(call.callId(), hangUp.dataAs(HangUpMonitorLeg.class).callId());
    }

    @Test
    void B40_aRefusalAboutAnotherSupervisorsSessionIsAuditedOnceWithItsInteraction() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("mona");
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");
        String samSession = world.activeMonitor("sam", call);

        world.as("mona").delete("/api/monitoring/sessions/{id}", samSession).then().statusCode(404)
                .body("type", equalTo("urn:problem:monitoring:session-not-found"));
        world.as("mona").post("/api/monitoring/sessions/{id}/barge", "no-such-session").then().statusCode(404);

        world.as("alice").queryParam("supervisor", "mona").get("/api/monitoring/audit").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[1].action", equalTo("END"))
                .body("items[1].outcome", equalTo("REFUSED"))
                .body("items[1].problemType", equalTo("session-not-found"))
                .body("items[1].sessionId", equalTo(samSession))
                .body("items[1].interactionId", equalTo(call.interactionId()))
                .body("items[0].action", equalTo("BARGE"))
                .body("items[0].interactionId", equalTo(null));
        world.as("sam").get("/api/monitoring/sessions/{id}", samSession).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
    }
}
