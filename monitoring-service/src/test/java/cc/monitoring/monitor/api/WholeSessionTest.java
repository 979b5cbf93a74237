package cc.monitoring.monitor.api;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.monitor.service.DialTimeouts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static cc.monitoring.monitor.api.World.awaitEvent;
import static cc.monitoring.monitor.api.World.desk;
import static cc.monitoring.monitor.api.World.mobile;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A session's rules hold for its whole life: dial timeout (B27), permissions (B28), confirmed modes (B29). */
@QuarkusTest
class WholeSessionTest {

    @Inject
    DialTimeouts dialTimeouts;

    @Test
    void B27_dialingTooLongEndsWithDialTimeout() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");
        String sessionId = world.monitor("sam", call.interactionId(), desk("sam").address());
        Instant requestedAt = Instant.parse(world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .extract().path("requestedAt"));

        // the sweeper is told the time: one second short of the (default, 45 s) timeout nothing happens
        dialTimeouts.sweep(requestedAt.plusSeconds(44));
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then().body("state", equalTo("DIALING"));

        dialTimeouts.sweep(requestedAt.plusSeconds(45));
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("state", equalTo("ENDED")).body("endReason", equalTo("DIAL_TIMEOUT"));
        assertEquals(new HangUpMonitorLeg(world.tenant, call.callId(), sessionId),
                awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.HANG_UP_MONITOR_LEG, sessionId).dataAs(HangUpMonitorLeg.class));
        MonitoringEvent ended = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_ENDED, sessionId)
                .dataAs(MonitoringEvent.class);
        assertEquals("DIAL_TIMEOUT", ended.endReason().name());
        world.as("alice").queryParam("supervisor", "sam").queryParam("interaction", call.interactionId())
                .get("/api/monitoring/audit").then()
                .body("items[0].action", equalTo("END")).body("items[0].actorKind", equalTo("SYSTEM"))
                .body("items[0].subjectId", equalTo("sam")).body("items[0].detail", org.hamcrest.Matchers.startsWith("DIAL_TIMEOUT"));
        // the supervisor is free again (B22 no longer holds them)
        world.monitor("sam", call.interactionId(), mobile("sam").address());
    }

    @Test
    void B27_severalSweepersEndEachTimedOutSessionOnce() throws Exception {
        World world = new World();
        world.user("alice", ADMINISTRATOR);
        List<String> sessions = new java.util.ArrayList<>();
        Instant latest = Instant.EPOCH;
        for (int i = 0; i < 4; i++) {
            String supervisor = "sup-" + i;
            world.supervisor(supervisor);
            World.Call call = world.call("agent-" + i, supervisor);
            String sessionId = world.monitor(supervisor, call.interactionId(), desk(supervisor).address());
            sessions.add(sessionId);
            Instant requestedAt = Instant.parse(world.as(supervisor).get("/api/monitoring/sessions/{id}", sessionId)
                    .then().extract().path("requestedAt"));
            latest = requestedAt.isAfter(latest) ? requestedAt : latest;
        }
        Instant now = latest.plusSeconds(45);
        java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> sweeps = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sweeps.add(instances.submit(() -> {
                    go.await();
                    return dialTimeouts.sweep(now);
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Integer> sweep : sweeps) {
                sweep.get();
            }
        } finally {
            instances.shutdownNow();
        }
        for (int i = 0; i < sessions.size(); i++) {
            world.as("sup-" + i).get("/api/monitoring/sessions/{id}", sessions.get(i)).then()
                    .body("endReason", equalTo("DIAL_TIMEOUT"));
            world.as("alice").queryParam("supervisor", "sup-" + i).get("/api/monitoring/audit").then()
                    .body("items.findAll { it.action == 'END' }.size()", equalTo(1));
        }
    }

    @Test
    void B28_losingBargeWhileBargedReturnsToMuted() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);
        world.changeMode("sam", call, sessionId, "barge");

        world.user("sam", List.of("MONITOR_ALL_CALLS", "COACH_CALLS"), desk("sam"), mobile("sam"));

        World.awaitCommand(sessionId, LegMode.MUTED);
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("mode", equalTo("BARGED")).body("pendingMode", equalTo("SILENT"));
        world.legModeChanged(call, sessionId, LegMode.MUTED);
        MonitoringEvent muted = World.awaitMonitoringEvent(EventTypes.MONITOR_MUTED, sessionId, "BARGE_ALL_CALLS revoked");
        assertEquals("SILENT", muted.mode().name());
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("state", equalTo("ACTIVE")).body("mode", equalTo("SILENT")).body("pendingMode", nullValue());
        world.as("sam").post("/api/monitoring/sessions/{id}/barge", sessionId).then().statusCode(403);
    }

    @Test
    void B28_aMuteTheProviderRefusesAfterLosingBargeTakesTheLegOutOfTheCall() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);
        world.changeMode("sam", call, sessionId, "barge");
        world.user("sam", List.of("MONITOR_ALL_CALLS"), desk("sam"), mobile("sam"));
        World.awaitCommand(sessionId, LegMode.MUTED);

        world.legModeRefused(call, sessionId, LegMode.UNMUTED, "PROVIDER_ERROR");

        world.awaitSession("sam", sessionId, "ENDED");
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("endReason", equalTo("PERMISSION_REVOKED"))
                .body("endDetail", equalTo("BARGE_ALL_CALLS revoked; mute refused: PROVIDER_ERROR"));
        awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.HANG_UP_MONITOR_LEG, sessionId);
    }

    @Test
    void B28_losingCoachWhileCoachingReturnsToMuted() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);
        world.changeMode("sam", call, sessionId, "coach");

        world.user("sam", List.of("MONITOR_ALL_CALLS", "BARGE_ALL_CALLS"), desk("sam"), mobile("sam"));

        World.awaitCommand(sessionId, LegMode.MUTED);
        world.legModeChanged(call, sessionId, LegMode.MUTED);
        World.awaitMonitoringEvent(EventTypes.MONITOR_MUTED, sessionId, "COACH_CALLS revoked");
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("mode", equalTo("SILENT")).body("pendingMode", nullValue());
        world.as("alice").queryParam("supervisor", "sam").queryParam("interaction", call.interactionId())
                .get("/api/monitoring/audit").then()
                .body("items[0].action", equalTo("MUTE")).body("items[0].outcome", equalTo("ACCEPTED"))
                .body("items[0].actorKind", equalTo("SYSTEM"))
                .body("items[1].action", equalTo("MUTE")).body("items[1].outcome", equalTo("REQUESTED"))
                .body("items[1].detail", org.hamcrest.Matchers.containsString("COACH_CALLS revoked"));
    }

    @Test
    void B28_loggingIntoTheAgentDesktopEndsVoiceMonitoring() {
        World world = new World();
        world.supervisor("sam");
        World.Call call = world.call("adam", "sam");
        String chat = world.chat("amy", "sam");
        String voice = world.activeMonitor("sam", call);
        String digital = world.monitor("sam", chat, null);

        world.agentDesktop("sam", true);

        world.awaitSession("sam", voice, "ENDED");
        world.as("sam").get("/api/monitoring/sessions/{id}", voice).then().body("endReason", equalTo("LOGGED_IN_AS_AGENT"));
        awaitEvent(Topics.TELEPHONY_COMMANDS, EventTypes.HANG_UP_MONITOR_LEG, voice);
        assertEquals("LOGGED_IN_AS_AGENT", awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_ENDED, voice)
                .dataAs(MonitoringEvent.class).endReason().name());
        // reading a chat transcript does not need the phone: digital monitoring goes on
        world.as("sam").get("/api/monitoring/sessions/{id}", digital).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void B29_modeShownIsTheConfirmedMode() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);

        world.as("sam").post("/api/monitoring/sessions/{id}/barge", sessionId).then().statusCode(200)
                .body("mode", equalTo("SILENT")).body("pendingMode", equalTo("BARGED"));
        World.awaitCommand(sessionId, LegMode.UNMUTED);
        // until the provider confirms, the table and the session still show the muted monitor
        world.as("sam").get("/api/monitoring/interactions/{id}", call.interactionId()).then()
                .body("monitors[0].mode", equalTo("SILENT"));
        world.as("alice").queryParam("supervisor", "sam").queryParam("interaction", call.interactionId())
                .get("/api/monitoring/audit").then().body("items[0].action", equalTo("BARGE"))
                .body("items[0].outcome", equalTo("REQUESTED"));

        world.legModeChanged(call, sessionId, LegMode.UNMUTED);
        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam")
                .get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("mode", equalTo("BARGED")).body("pendingMode", nullValue()));
        assertEquals("BARGED", awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_BARGED, sessionId)
                .dataAs(MonitoringEvent.class).mode().name());
        world.as("sam").get("/api/monitoring/interactions/{id}", call.interactionId()).then()
                .body("monitors[0].mode", equalTo("BARGED"));
        world.as("alice").queryParam("supervisor", "sam").queryParam("interaction", call.interactionId())
                .get("/api/monitoring/audit").then().body("items[0].action", equalTo("BARGE"))
                .body("items[0].outcome", equalTo("ACCEPTED")).body("items[0].detail", equalTo("SILENT -> BARGED"));
    }

    @Test
    void B29_refusedModeChangeIsRevertedWithReason() {
        World world = new World();
        world.supervisor("sam");
        world.user("alice", ADMINISTRATOR);
        World.Call call = world.call("adam", "sam");
        String sessionId = world.activeMonitor("sam", call);

        world.as("sam").post("/api/monitoring/sessions/{id}/coach", sessionId).then().statusCode(200)
                .body("pendingMode", equalTo("COACHING"));
        World.awaitCommand(sessionId, LegMode.COACHING);
        world.legModeRefused(call, sessionId, LegMode.MUTED, "PROVIDER_ERROR");

        await().atMost(World.PATIENCE).untilAsserted(() -> world.as("sam")
                .get("/api/monitoring/sessions/{id}", sessionId).then()
                .body("mode", equalTo("SILENT")).body("pendingMode", nullValue())
                .body("lastRefusal.mode", equalTo("COACHING")).body("lastRefusal.reason", equalTo("PROVIDER_ERROR")));
        MonitoringEvent refused = awaitEvent(Topics.MONITORING_EVENTS, EventTypes.MONITOR_MODE_REFUSED, sessionId)
                .dataAs(MonitoringEvent.class);
        assertEquals("PROVIDER_ERROR", refused.detail());
        assertEquals("SILENT", refused.mode().name());
        world.as("alice").queryParam("supervisor", "sam").queryParam("outcome", "REFUSED")
                .get("/api/monitoring/audit").then()
                .body("items[0].action", equalTo("COACH")).body("items[0].problemType", equalTo("PROVIDER_ERROR"))
                .body("items[0].actorKind", equalTo("USER"));
        // the supervisor may ask again; a new request clears the refusal
        world.changeMode("sam", call, sessionId, "coach");
        world.as("sam").get("/api/monitoring/sessions/{id}", sessionId).then().body("lastRefusal", nullValue());
        world.as("sam").get("/api/monitoring/me").then().body("liveSessions.sessionId", hasItem(sessionId));
    }
}
