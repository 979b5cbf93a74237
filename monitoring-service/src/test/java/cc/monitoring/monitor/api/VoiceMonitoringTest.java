package cc.monitoring.monitor.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cc.monitoring.monitor.api.World.awaitEvent;
import static cc.monitoring.monitor.api.World.desk;
import static cc.monitoring.monitor.api.World.mobile;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class VoiceMonitoringTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void B21_monitoringDialsTheChosenExtensionThenJoinsMuted() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");

        String sessionId = world.monitor("sam", call.interactionId(), mobile("sam").address());
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then().statusCode(200)
                .body("state", equalTo("DIALING")).body("mode", nullValue())
                .body("extension.label", equalTo("Mobile"));

        MonitoringEvent requested = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_REQUESTED, sessionId)
                .dataAs(MonitoringEvent.class);
        assertEquals(call.interactionId(), requested.interactionId());
        assertEquals("sam", requested.supervisorId());
        assertEquals("DIALING", requested.state().name());
        CloudEvent dialEvent = awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.DIAL_MONITOR_LEG, sessionId);
        assertEquals(world.tenant, dialEvent.tenantid());
        assertEquals(new DialMonitorLeg(world.tenant, call.callId(), sessionId, "sam", "PSTN", mobile("sam").address()),
                dialEvent.dataAs(DialMonitorLeg.class));

        world.legConnected(call, sessionId);
        world.awaitSession("sam", sessionId, "ACTIVE");
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then().body("mode", equalTo("SILENT"));
        MonitoringEvent joined = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_JOINED, sessionId)
                .dataAs(MonitoringEvent.class);
        assertEquals("ACTIVE", joined.state().name());
        assertEquals("SILENT", joined.mode().name());
    }

    @Test
    void B23_bargeThenMuteAgainEachPublishedAndCommanded() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);

        world.as("sam").post("/api/monitoring/sessions/{id}/barge", sessionId).then().statusCode(200)
                .body("mode", equalTo("SILENT")).body("pendingMode", equalTo("BARGED"));
        assertEquals(LegMode.UNMUTED, World.awaitCommand(sessionId, LegMode.UNMUTED).mode());
        world.legModeChanged(call, sessionId, LegMode.UNMUTED); // the provider confirms (B29)
        assertEquals("BARGED", awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_BARGED, sessionId)
                .dataAs(MonitoringEvent.class).mode().name());
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("mode", equalTo("BARGED")).body("pendingMode", nullValue());

        world.as("sam").post("/api/monitoring/sessions/{id}/mute", sessionId).then().statusCode(200)
                .body("mode", equalTo("BARGED")).body("pendingMode", equalTo("SILENT"));
        World.awaitCommand(sessionId, LegMode.MUTED);
        world.legModeChanged(call, sessionId, LegMode.MUTED);
        assertEquals("SILENT", awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_MUTED, sessionId)
                .dataAs(MonitoringEvent.class).mode().name());
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("mode", equalTo("SILENT")).body("pendingMode", nullValue());
    }

    @Test
    void B02_aMonitorWithoutBargePermissionStaysMuted() {
        World world = new World();
        world.user("mona", List.of("MONITOR_ALL_CALLS"), desk("mona"));
        World.Call call = world.call("adam", "mona");
        String sessionId = world.activeMonitor("mona", call);

        world.as("mona").post("/api/monitoring/sessions/{id}/barge", sessionId).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("urn:problem:monitoring:barge-not-permitted"));
        world.as("mona").get("/api/monitoring/sessions/{id}", sessionId).then().body("mode", equalTo("SILENT"));
    }

    @Test
    void B50_coachingIsHeardByTheAgentOnlyAndNeedsItsPermission() {
        World world = new World();
        world.supervisor("sam");
        world.user("mona", List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"), desk("mona"));
        World.Call call = world.call("adam", "sam");
        World.Call other = world.call("anna", "sam");
        String sam = world.activeMonitor("sam", call);
        String mona = world.activeMonitor("mona", other);

        world.as("sam").post("/api/monitoring/sessions/{id}/coach", sam).then().statusCode(200)
                .body("pendingMode", equalTo("COACHING"));
        assertEquals(LegMode.COACHING, World.awaitCommand(sam, LegMode.COACHING).mode());
        world.legModeChanged(call, sam, LegMode.COACHING);
        awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_COACHING, sam);
        world.as("sam").get("/api/monitoring/sessions/{id}", sam).then().body("mode", equalTo("COACHING"));
        world.as("mona").post("/api/monitoring/sessions/{id}/coach", mona).then().statusCode(403)
                .body("type", equalTo("urn:problem:monitoring:coach-not-permitted"));
    }

    @Test
    void B20_anExtensionThatIsNotTheSupervisorsOwnIsRefused() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        World.Call call = world.call("adam", "sam");
        world.as("sam").body(Map.of("interactionId", call.interactionId(), "extension", desk("sue").address()))
                .post("/api/monitoring/sessions").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:extension-not-yours"));
        world.as("sam").get("/api/monitoring/me").then()
                .body("extensions.label", equalTo(List.of("Desk", "Mobile")))
                .body("liveSessions.size()", equalTo(0));
    }

    @Test
    void B22_aSecondVoiceMonitorIsRefusedNamingTheActiveSession() {
        World world = new World();
        world.supervisor("sam");
        World.Call first = world.call("adam", "sam");
        World.Call second = world.call("anna", "sam");
        String sessionId = world.monitor("sam", first.interactionId(), desk("sam").address());

        world.as("sam").body(Map.of("interactionId", second.interactionId(), "extension", desk("sam").address()))
                .post("/api/monitoring/sessions").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:voice-monitor-active"))
                .body("activeSessionId", equalTo(sessionId))
                .body("activeInteractionId", equalTo(first.interactionId()));
    }

    @Test
    void B22_concurrentStartsOnDifferentCallsLeaveExactlyOneSession() throws Exception {
        World world = new World();
        world.supervisor("sam");
        List<World.Call> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(world.call("agent-" + i, "sam"));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (World.Call call : calls) {
                Callable<Integer> start = () -> {
                    go.await();
                    return world.as("sam").body(Map.of("interactionId", call.interactionId(), "extension", desk("sam").address()))
                            .post("/api/monitoring/sessions").then().extract().statusCode();
                };
                statuses.add(pool.submit(start));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), "codes " + codes);
            assertEquals(calls.size() - 1, codes.stream().filter(c -> c == 409).count(), "codes " + codes);
        } finally {
            pool.shutdownNow();
        }
        world.as("sam").get("/api/monitoring/sessions").then().body("size()", equalTo(1));
    }

    @Test
    void B24_hangingUpEndsOnlyTheMonitorLeg() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);

        world.as("sam").delete("/api/monitoring/sessions/{id}", sessionId).then().statusCode(200)
                .body("state", equalTo("ENDED")).body("endReason", equalTo("SUPERVISOR_HUNG_UP"));
        HangUpMonitorLeg hangUp = awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.HANG_UP_MONITOR_LEG, sessionId)
                .dataAs(HangUpMonitorLeg.class);
        assertEquals(new HangUpMonitorLeg(world.tenant, call.callId(), sessionId), hangUp);
        MonitoringEvent ended = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_ENDED, sessionId).dataAs(MonitoringEvent.class);
        assertEquals("SUPERVISOR_HUNG_UP", ended.endReason().name());
        // the interaction itself goes on, and the supervisor may monitor it again
        world.as("sam").get("/api/monitoring/interactions/{id}", call.interactionId()).then().statusCode(200)
                .body("details.state", equalTo("ACTIVE")).body("monitors.size()", equalTo(0));
        world.monitor("sam", call.interactionId(), desk("sam").address());
    }

    @Test
    void B25_theSessionEndsWhenTheInteractionEndsAndTheLegIsReleased() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        World.Call call = world.call("adam", "sam");
        String sam = world.activeMonitor("sam", call);
        String sue = world.monitor("sue", call.interactionId(), desk("sue").address()); // still dialing

        world.end(call.interactionId());

        for (String session : List.of(sam, sue)) {
            MonitoringEvent ended = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_ENDED, session).dataAs(MonitoringEvent.class);
            assertEquals("INTERACTION_ENDED", ended.endReason().name());
            assertEquals("ENDED", ended.state().name());
            assertNull(ended.mode());
            awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.HANG_UP_MONITOR_LEG, session);
        }
        world.as("sam").get("/api/monitoring/sessions/{id}", sam).then().body("endReason", equalTo("INTERACTION_ENDED"));
        // a leg that answers after the end is sent away again
        world.legConnected(call, sue);
        org.awaitility.Awaitility.await().atMost(World.PATIENCE).untilAsserted(() -> assertEquals(2,
                World.TOPICS.readAll(Topics.TELEPHONY_COMMANDS).stream()
                        .filter(r -> r.value().contains(sue) && r.value().contains("\"type\":\"" + EventTypes.HANG_UP_MONITOR_LEG + "\""))
                        .count()));
        world.as("sue").get("/api/monitoring/sessions/{id}", sue).then().body("state", equalTo("ENDED"));
    }

    @Test
    void B26_aFailedDialEndsTheSessionAndTheSupervisorIsFreeAgain() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String sessionId = world.monitor("sam", call.interactionId(), desk("sam").address());
        world.legFailed(call, sessionId, "BUSY");

        world.awaitSession("sam", sessionId, "ENDED");
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("endReason", equalTo("DIAL_FAILED")).body("endDetail", equalTo("BUSY"));
        MonitoringEvent ended = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_ENDED, sessionId).dataAs(MonitoringEvent.class);
        assertEquals("DIAL_FAILED", ended.endReason().name());
        assertEquals("BUSY", ended.detail());
        world.monitor("sam", call.interactionId(), mobile("sam").address());
    }
}
