package cc.monitoring.systemtest;

import cc.monitoring.contracts.Topics;
import cc.monitoring.launcher.Net;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static cc.monitoring.contracts.EventTypes.AGENT_LOGGED_IN;
import static cc.monitoring.contracts.EventTypes.CALL_ENDED;
import static cc.monitoring.contracts.EventTypes.CALL_STARTED;
import static cc.monitoring.contracts.EventTypes.DIAL_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.HANG_UP_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.INTERACTION_ENDED;
import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_BARGED;
import static cc.monitoring.contracts.EventTypes.MONITOR_ENDED;
import static cc.monitoring.contracts.EventTypes.MONITOR_JOINED;
import static cc.monitoring.contracts.EventTypes.MONITOR_LEG_CONNECTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_LEG_ENDED;
import static cc.monitoring.contracts.EventTypes.MONITOR_LEG_FAILED;
import static cc.monitoring.contracts.EventTypes.MONITOR_LEG_MODE_CHANGED;
import static cc.monitoring.contracts.EventTypes.MONITOR_MUTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_REQUESTED;
import static cc.monitoring.contracts.EventTypes.SET_MONITOR_LEG_MODE;
import static cc.monitoring.contracts.EventTypes.USER_PERMISSIONS_CHANGED;
import static cc.monitoring.contracts.Topics.AGENT_PRESENCE;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.contracts.Topics.MONITORING_EVENTS;
import static cc.monitoring.contracts.Topics.PERMISSION_EVENTS;
import static cc.monitoring.contracts.Topics.TELEPHONY_COMMANDS;
import static cc.monitoring.contracts.Topics.TELEPHONY_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Client.awaitStatus;
import static cc.monitoring.systemtest.Json.find;
import static cc.monitoring.systemtest.Json.only;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voice monitoring end to end, as clients see it: an administrator sets up a tenant, calls are placed on the
 * simulated telephony network, supervisors monitor, barge, mute and hang up, calls end (also while
 * monitoring-service is down), and every step is checked on REST and on Kafka. The steps build on each other
 * (one tenant, one story); after a failed step the rest is skipped.
 */
@ExtendWith({SystemUnderTestExtension.class, StopAfterFailedStep.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Voice monitoring across the services")
class VoiceMonitoringIT {

    private static final String SESSIONS = "/api/monitoring/sessions";
    private static final Duration QUIET = Duration.ofSeconds(1);
    /** The services' consumer session timeout (service-kit: 10 s) plus a wide margin: see step 11. */
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    private final SystemUnderTest sut;
    private final String tenant;
    private final String otherTenant = Client.newTenant();
    private final Events events;

    private final User alice;
    private final User sam;
    private final User sue;
    private final User mona;
    private final User adam;
    private final User anna;
    private final User gina;
    private final User gus;
    /** Places and hangs up the calls and injects dial failures: a machine identity with OPERATE_SIMULATOR (B07). */
    private final User phone;
    /** The phone network the calls run on: the simulator, or Twilio (the double), as the system under test runs. */
    private final Telephone telephone;

    private final Map<String, String> samDesk;
    private final Map<String, String> samMobile;
    private final Map<String, String> samBrowser;

    /** The story so far. */
    private Call call1;
    private Call call2;
    private String samSession;
    private String monaSession;
    private String sueSession;

    VoiceMonitoringIT(Client client) {
        this.sut = client.sut();
        this.tenant = sut.newVoiceTenant();
        this.events = client.events(tenant);
        alice = client.user(tenant, "alice", "Alice Admin", "Administrator");
        sam = client.user(tenant, "sam", "Sam Sanders", "Supervisor");
        sue = client.user(tenant, "sue", "Sue Summers", "Supervisor");
        mona = client.user(tenant, "mona", "Mona Monitor", "Monitor Only");
        adam = client.user(tenant, "adam", "Adam Agent", "Agent");
        anna = client.user(tenant, "anna", "Anna Agent", "Agent");
        gina = client.user(otherTenant, "gina", "Gina Admin", "Administrator");
        gus = client.user(otherTenant, "gus", "Gus Supervisor", "Supervisor");
        phone = Machines.phoneSimulator(client, tenant);
        telephone = sut.telephone(tenant, phone, events);
        samDesk = extension("Desk phone", "SIP", "sip:sam@" + tenant + ".example.com");
        samMobile = extension("Mobile", "PSTN", "+14155550101");
        samBrowser = extension("Browser", "WEBRTC", "client:sam");
    }

    record Call(String callId, String interactionId) {
    }

    // ------------------------------------------------------------------ 1

    @Test
    @Order(1)
    @DisplayName("1 B01 B20 B35: an administrator sets up the tenant: roles, users with ordered extensions, the phone "
            + "simulator (a machine identity), flows")
    void step1_administratorSetsUpTheTenant() {
        JsonNode me = alice.permission().get("/api/me").expectJson(200);
        assertEquals("Administrator", me.path("role").asText(), me.toString());
        assertTrue(texts(me.path("permissions")).containsAll(List.of("MANAGE_USERS", "VIEW_AUDIT", "MONITOR_ALL_CALLS")),
                me.toString());
        assertFalse(texts(me.path("permissions")).contains("OPERATE_SIMULATOR"), "B35: a machine permission: " + me);
        assertFalse(texts(me.path("permissions")).contains("HANDLE_CONVERSATIONS"), "B35: a machine permission: " + me);

        JsonNode role = alice.permission()
                .post("/api/roles", Map.of("name", "Monitor Only", "permissions", List.of("MONITOR_ALL_CALLS")))
                .expectJson(201);
        assertEquals(List.of("MONITOR_ALL_CALLS"), texts(role.path("permissions")));
        assertFalse(role.path("builtIn").asBoolean());

        JsonNode samBody = putUser(alice, sam, "Supervisor", List.of(samDesk, samMobile, samBrowser), 201);
        assertEquals(List.of(samDesk.get("address"), samMobile.get("address"), samBrowser.get("address")),
                texts(samBody.path("extensions"), "address"), "B20: extensions keep the configured order");
        putUser(alice, sue, "Supervisor", List.of(extension("Browser", "WEBRTC", "client:sue")), 201);
        JsonNode monaBody = putUser(alice, mona, "Monitor Only", List.of(extension("Browser", "WEBRTC", "client:mona")), 201);
        assertEquals(List.of("MONITOR_ALL_CALLS"), texts(monaBody.path("permissions")), "mona: monitor, no barge");
        JsonNode adamBody = putUser(alice, adam, "Agent", List.of(extension("Desk phone", "SIP", "sip:adam@example.com")), 201);
        assertEquals(List.of(), texts(adamBody.path("permissions")));
        putUser(alice, anna, "Agent", List.of(extension("Browser", "WEBRTC", "client:anna")), 201);
        Machines.setUpPhoneSimulator(alice, phone);

        // B20: sam sees his extensions in the configured order, and so does every service that follows the events
        JsonNode samMe = sam.permission().get("/api/me").expectJson(200);
        assertEquals("Supervisor", samMe.path("role").asText());
        assertEquals(List.of("Desk phone", "Mobile", "Browser"), texts(samMe.path("extensions"), "label"));
        Event samPublished = events.await(PERMISSION_EVENTS, USER_PERMISSIONS_CHANGED,
                e -> e.text("userId").equals("sam") && e.text("role").equals("Supervisor"));
        assertEquals(tenant + "/sam", samPublished.key());
        assertEquals(List.of(samDesk.get("address"), samMobile.get("address"), samBrowser.get("address")),
                texts(samPublished.data().path("extensions"), "address"));

        JsonNode samInMonitoring = awaitJson("monitoring-service knows sam's permissions and extensions",
                () -> sam.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("BARGE_ALL_CALLS"));
        assertEquals(List.of("Desk phone", "Mobile", "Browser"), texts(samInMonitoring.path("extensions"), "label"));
        assertFalse(samInMonitoring.path("loggedInAsAgent").asBoolean());
        awaitJson("monitoring-service knows mona's custom role", () -> mona.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).equals(List.of("MONITOR_ALL_CALLS")));
        awaitJson("monitoring-service knows sue", () -> sue.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));
        awaitJson("monitoring-service knows alice may read the audit",
                () -> alice.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("VIEW_AUDIT"));

        // flows, once interaction-service has heard (from permission-events) that alice manages the tenant
        JsonNode support = awaitStatus("alice may manage flows in interaction-service",
                () -> alice.interaction().put("/api/flows/support", Map.of("name", "Support", "silentMonitoring", true)),
                201).json();
        assertTrue(support.path("silentMonitoring").asBoolean(), support.toString());
        JsonNode privateFlow = alice.interaction()
                .put("/api/flows/private", Map.of("name", "Private line", "silentMonitoring", false)).expectJson(201);
        assertFalse(privateFlow.path("silentMonitoring").asBoolean(), privateFlow.toString());
        JsonNode flows = alice.interaction().get("/api/flows").expectJson(200);
        assertTrue(only(flows, "id", "support").path("silentMonitoring").asBoolean());
        assertFalse(only(flows, "id", "private").path("silentMonitoring").asBoolean());

        // another tenant, with a supervisor of its own (B06)
        gina.permission().get("/api/me").expectJson(200);
        putUser(gina, gus, "Supervisor", List.of(extension("Desk phone", "SIP", "sip:gus@globex.example.com")), 201);
        awaitJson("monitoring-service knows gus", () -> gus.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));
    }

    // ------------------------------------------------------------------ 2

    @Test
    @Order(2)
    @DisplayName("2 B10: a call is placed; it becomes an interaction and shows up in the monitoring table")
    void step2_callAppearsInTheMonitoringTable() {
        call1 = placeCall("support", adam, "+15550100001", true);

        JsonNode row = awaitRow(sam, call1.interactionId());
        assertEquals("VOICE", row.path("channel").asText());
        assertEquals("ACTIVE", row.path("state").asText());
        assertEquals("adam", row.path("agentId").asText());
        assertEquals("Adam Agent", row.path("agentName").asText());
        assertEquals("+15550100001", row.path("customer").asText());
        assertEquals("support", row.path("flowId").asText());
        assertEquals("Support", row.path("flowName").asText());
        assertEquals(0, row.path("monitors").size(), row.toString());
        assertTrue(row.path("monitor").path("allowed").asBoolean(), "sam may monitor it: " + row);

        // B08 B34: monitors see interactions only in monitoring-service's table; interaction-service's read API is
        // for the channel platform and administrators (on flows with Silent Monitoring on)
        sam.interaction().get("/api/interactions/" + call1.interactionId()).expectProblem(403, "interactions-not-permitted");
        JsonNode interaction = alice.interaction().get("/api/interactions/" + call1.interactionId()).expectJson(200);
        assertEquals("ACTIVE", interaction.path("state").asText());
        assertEquals(call1.callId(), interaction.path("callId").asText());
    }

    // ------------------------------------------------------------------ 3

    @Test
    @Order(3)
    @DisplayName("3 B20 B21: sam monitors on his second extension: DIALING, the leg is dialed, then ACTIVE and SILENT")
    void step3_samMonitorsOnHisSecondExtension() {
        Reply reply = sam.monitoring().post(SESSIONS, Map.of("interactionId", call1.interactionId(),
                "extension", samMobile.get("address")));
        JsonNode dialing = reply.expectJson(201);
        samSession = dialing.path("sessionId").asText();
        assertTrue(reply.location().endsWith(SESSIONS + "/" + samSession), reply.location());
        assertEquals("DIALING", dialing.path("state").asText());
        assertEquals(call1.interactionId(), dialing.path("interactionId").asText());
        assertEquals("VOICE", dialing.path("channel").asText());
        assertEquals("Mobile", dialing.path("extension").path("label").asText());
        assertEquals(samMobile.get("address"), dialing.path("extension").path("address").asText());

        Event requested = events.await(MONITORING_EVENTS, MONITOR_REQUESTED, session(samSession));
        assertEquals(call1.interactionId(), requested.key());
        assertEquals(samSession, requested.subject());
        assertEquals("sam", requested.text("supervisorId"));
        assertEquals("DIALING", requested.text("state"));
        assertEquals(samMobile.get("address"), requested.text("extensionAddress"));

        Event dial = events.await(TELEPHONY_COMMANDS, DIAL_MONITOR_LEG, session(samSession));
        assertEquals(call1.callId(), dial.key());
        assertEquals(call1.callId(), dial.text("callId"));
        assertEquals(samMobile.get("address"), dial.text("extensionAddress"), "B20: the chosen extension is dialed");
        assertEquals("PSTN", dial.text("extensionKind"));

        Event connected = events.await(TELEPHONY_EVENTS, MONITOR_LEG_CONNECTED, session(samSession));
        assertEquals(call1.callId(), connected.text("callId"));
        assertEquals("MUTED", connected.text("mode"), "B21: the leg joins muted");

        JsonNode active = awaitSession(sam, samSession, s -> s.path("state").asText().equals("ACTIVE"));
        assertEquals("SILENT", active.path("mode").asText(), "B21: monitoring starts silent");
        assertFalse(active.path("joinedAt").isNull() || active.path("joinedAt").isMissingNode(), active.toString());
        Event joined = events.await(MONITORING_EVENTS, MONITOR_JOINED, session(samSession));
        assertEquals("ACTIVE", joined.text("state"));
        assertEquals("SILENT", joined.text("mode"));

        JsonNode leg = leg(call(call1), samSession);
        assertEquals("CONNECTED", leg.path("state").asText(), leg.toString());
        assertEquals("MUTED", leg.path("mode").asText(), leg.toString());
        assertEquals(samMobile.get("address"), leg.path("extensionAddress").asText());

        JsonNode row = awaitJson("sam listed as monitor", () -> table(sam),
                t -> find(t.path("items"), "interactionId", call1.interactionId())
                        .map(r -> find(r.path("monitors"), "sessionId", samSession).isPresent()).orElse(false));
        JsonNode monitor = only(only(row.path("items"), "interactionId", call1.interactionId()).path("monitors"),
                "sessionId", samSession);
        assertEquals("sam", monitor.path("supervisorId").asText());
        assertEquals("SILENT", monitor.path("mode").asText());
    }

    // ------------------------------------------------------------------ 4

    @Test
    @Order(4)
    @DisplayName("4 B23 B29: sam barges (leg unmuted), then mutes again (leg muted); the mode shown is the one the provider confirmed; both are published")
    void step4_bargeAndMuteAgain() {
        JsonNode asked = sam.monitoring().post(SESSIONS + "/" + samSession + "/barge").expectJson(200);
        assertEquals("ACTIVE", asked.path("state").asText());
        assertEquals("BARGED", asked.path("pendingMode").asText(), "B29: asked of the provider, not yet confirmed");
        assertEquals("SILENT", asked.path("mode").asText(), "B29: the mode shown is the confirmed one");
        awaitJson("sam's session BARGED once the provider confirmed it",
                () -> sam.monitoring().get(SESSIONS + "/" + samSession).expectJson(200),
                body -> body.path("mode").asText().equals("BARGED") && !body.hasNonNull("pendingMode"));
        Event barge = events.await(MONITORING_EVENTS, MONITOR_BARGED, session(samSession));
        assertEquals("BARGED", barge.text("mode"));
        assertEquals(call1.interactionId(), barge.key());
        Event unmute = events.await(TELEPHONY_COMMANDS, SET_MONITOR_LEG_MODE, session(samSession).and(mode("UNMUTED")));
        assertEquals(call1.callId(), unmute.key());
        events.await(TELEPHONY_EVENTS, MONITOR_LEG_MODE_CHANGED, session(samSession).and(mode("UNMUTED")));
        awaitLeg(call1, samSession, l -> l.path("mode").asText().equals("UNMUTED"));

        JsonNode muting = sam.monitoring().post(SESSIONS + "/" + samSession + "/mute").expectJson(200);
        assertEquals("SILENT", muting.path("pendingMode").asText());
        awaitJson("sam's session SILENT again once the provider confirmed it",
                () -> sam.monitoring().get(SESSIONS + "/" + samSession).expectJson(200),
                body -> body.path("mode").asText().equals("SILENT") && !body.hasNonNull("pendingMode"));
        Event mute = events.await(MONITORING_EVENTS, MONITOR_MUTED, session(samSession));
        assertEquals("SILENT", mute.text("mode"));
        events.await(TELEPHONY_COMMANDS, SET_MONITOR_LEG_MODE, session(samSession).and(mode("MUTED")));
        events.await(TELEPHONY_EVENTS, MONITOR_LEG_MODE_CHANGED, session(samSession).and(mode("MUTED")));
        JsonNode leg = awaitLeg(call1, samSession, l -> l.path("mode").asText().equals("MUTED"));
        assertEquals("CONNECTED", leg.path("state").asText());
    }

    // ------------------------------------------------------------------ 4b

    @Test
    @Order(5)
    @DisplayName("4b B50 B29: sam coaches the agent: heard by the agent only, confirmed by the provider; then silent again")
    void step4b_coachTheAgent() {
        JsonNode asked = sam.monitoring().post(SESSIONS + "/" + samSession + "/coach").expectJson(200);
        assertEquals("COACHING", asked.path("pendingMode").asText(), "B29: asked of the provider, not yet confirmed");
        awaitJson("sam's session COACHING once the provider confirmed it",
                () -> sam.monitoring().get(SESSIONS + "/" + samSession).expectJson(200),
                body -> body.path("mode").asText().equals("COACHING") && !body.hasNonNull("pendingMode"));
        events.await(TELEPHONY_COMMANDS, SET_MONITOR_LEG_MODE, session(samSession).and(mode("COACHING")));
        events.await(TELEPHONY_EVENTS, MONITOR_LEG_MODE_CHANGED, session(samSession).and(mode("COACHING")));
        JsonNode leg = awaitLeg(call1, samSession, l -> l.path("mode").asText().equals("COACHING"));
        telephone.assertWhisperReachesOnlyTheAgent(call1.callId(), leg.path("legId").asText());

        sam.monitoring().post(SESSIONS + "/" + samSession + "/mute").expectJson(200);
        awaitJson("sam's session SILENT again once the provider confirmed it",
                () -> sam.monitoring().get(SESSIONS + "/" + samSession).expectJson(200),
                body -> body.path("mode").asText().equals("SILENT") && !body.hasNonNull("pendingMode"));
        awaitLeg(call1, samSession, l -> l.path("mode").asText().equals("MUTED"));
    }

    // ------------------------------------------------------------------ 5

    @Test
    @Order(6)
    @DisplayName("5 B22: a second voice monitor by sam is refused with voice-monitor-active, naming his session")
    void step5_oneVoiceMonitorAtATime() {
        call2 = placeCall("support", anna, "+15550100002", true);
        JsonNode row = awaitRow(sam, call2.interactionId());
        assertFalse(row.path("monitor").path("allowed").asBoolean(), row.toString());
        assertEquals("voice-monitor-active", row.path("monitor").path("reason").asText(), "B52: " + row);

        JsonNode problem = sam.monitoring().post(SESSIONS, Map.of("interactionId", call2.interactionId(),
                "extension", samDesk.get("address"))).expectProblem(409, "voice-monitor-active");
        assertEquals(samSession, problem.path("activeSessionId").asText(), problem.toString());
        assertEquals(call1.interactionId(), problem.path("activeInteractionId").asText(), problem.toString());
        assertTrue(problem.path("detail").asText().contains(samSession), problem.toString());

        JsonNode live = sam.monitoring().get(SESSIONS).expectJson(200);
        assertEquals(List.of(samSession), texts(live, "sessionId"), "nothing changed: " + live);
        assertEquals("ACTIVE", live.get(0).path("state").asText());
        events.assertNone(MONITORING_EVENTS, MONITOR_REQUESTED, e -> e.text("interactionId").equals(call2.interactionId()),
                QUIET);
    }

    // ------------------------------------------------------------------ 6

    @Test
    @Order(7)
    @DisplayName("6 B02: mona (MONITOR_ALL_CALLS only) monitors, her barge is refused and she stays muted")
    void step6_monitorWithoutBargePermissionStaysMuted() {
        JsonNode started = mona.monitoring().post(SESSIONS, Map.of("interactionId", call1.interactionId(),
                "extension", "client:mona")).expectJson(201);
        monaSession = started.path("sessionId").asText();
        awaitSession(mona, monaSession, s -> s.path("state").asText().equals("ACTIVE"));
        events.await(MONITORING_EVENTS, MONITOR_JOINED, session(monaSession));

        mona.monitoring().post(SESSIONS + "/" + monaSession + "/barge").expectProblem(403, "barge-not-permitted");

        JsonNode after = mona.monitoring().get(SESSIONS + "/" + monaSession).expectJson(200);
        assertEquals("ACTIVE", after.path("state").asText());
        assertEquals("SILENT", after.path("mode").asText(), "B02: nothing changes");
        JsonNode leg = leg(call(call1), monaSession);
        assertEquals("CONNECTED", leg.path("state").asText());
        assertEquals("MUTED", leg.path("mode").asText(), "B02: the leg stays muted");
        events.assertNone(TELEPHONY_COMMANDS, SET_MONITOR_LEG_MODE, session(monaSession), QUIET);
        events.assertNone(MONITORING_EVENTS, MONITOR_BARGED, session(monaSession), QUIET);
    }

    // ------------------------------------------------------------------ 7

    @Test
    @Order(8)
    @DisplayName("7 B01: an agent cannot monitor nor see the monitoring table")
    void step7_agentIsRefused() {
        adam.monitoring().post(SESSIONS, Map.of("interactionId", call1.interactionId(), "extension", "sip:adam@example.com"))
                .expectProblem(403, "monitor-not-permitted");
        adam.monitoring().get("/api/monitoring/interactions").expectProblem(403, "monitor-not-permitted");
    }

    @Test
    @Order(9)
    @DisplayName("7 B04: sue, logged into the agent desktop, is refused with logged-in-as-agent; after logging out she may")
    void step7_supervisorLoggedInAsAgentIsRefused() {
        JsonNode login = sue.interaction().post("/api/agent-desktop/session").expectJson(200);
        assertTrue(login.path("loggedIn").asBoolean(), login.toString());
        Event presence = events.await(AGENT_PRESENCE, AGENT_LOGGED_IN, e -> e.text("userId").equals("sue"));
        assertEquals(tenant + "/sue", presence.key());
        awaitJson("monitoring-service knows sue is logged in as agent",
                () -> sue.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> j.path("loggedInAsAgent").asBoolean());

        JsonNode problem = sue.monitoring().post(SESSIONS, Map.of("interactionId", call1.interactionId(),
                "extension", "client:sue")).expectProblem(409, "logged-in-as-agent");
        assertTrue(problem.path("detail").asText().toLowerCase().contains("agent desktop"), problem.toString());
        JsonNode row = only(table(sue).path("items"), "interactionId", call1.interactionId());
        assertEquals("logged-in-as-agent", row.path("monitor").path("reason").asText(), "B52: " + row);

        JsonNode logout = sue.interaction().delete("/api/agent-desktop/session").expectJson(200);
        assertFalse(logout.path("loggedIn").asBoolean());
        awaitJson("monitoring-service knows sue logged out", () -> sue.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> !j.path("loggedInAsAgent").asBoolean());
        sueSession = sue.monitoring().post(SESSIONS, Map.of("interactionId", call1.interactionId(),
                "extension", "client:sue")).expectJson(201).path("sessionId").asText();
        awaitSession(sue, sueSession, s -> s.path("state").asText().equals("ACTIVE"));
    }

    @Test
    @Order(10)
    @DisplayName("7 B05: anna, made a supervisor, cannot monitor the call on which she is the agent")
    void step7_nobodyMonitorsTheirOwnCall() {
        JsonNode promoted = putUser(alice, anna, "Supervisor", List.of(extension("Browser", "WEBRTC", "client:anna")), 200);
        assertEquals("Supervisor", promoted.path("role").asText());
        awaitJson("monitoring-service knows anna is a supervisor now",
                () -> anna.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));

        JsonNode row = awaitRow(anna, call2.interactionId());
        assertEquals("own-interaction", row.path("monitor").path("reason").asText(), "B52: " + row);
        anna.monitoring().post(SESSIONS, Map.of("interactionId", call2.interactionId(), "extension", "client:anna"))
                .expectProblem(403, "own-interaction");
        assertEquals(0, anna.monitoring().get(SESSIONS).expectJson(200).size());
    }

    @Test
    @Order(11)
    @DisplayName("7 B06: another tenant's supervisor learns nothing: 404 everywhere, nothing in the table")
    void step7_otherTenantSeesNothing() {
        String id = call1.interactionId();
        gus.monitoring().post(SESSIONS, Map.of("interactionId", id, "extension", "sip:gus@globex.example.com"))
                .expectProblem(404, "interaction-not-found");
        gus.monitoring().get("/api/monitoring/interactions/" + id).expectProblem(404, "interaction-not-found");
        gus.monitoring().get(SESSIONS + "/" + samSession).expectProblem(404, "session-not-found");
        gus.monitoring().post(SESSIONS + "/" + samSession + "/barge").expectProblem(404, "session-not-found");
        assertEquals(0, table(gus).path("items").size(), "gus' tenant has no interactions");
        // interaction-service's read API is not for supervisors (B08): refused, or not found, never shown
        Reply forGus = gus.interaction().get("/api/interactions/" + id);
        forGus.expectProblemOneOf(forGus.status() == 403 ? 403 : 404, "interaction-not-found", "interactions-not-permitted");
        gina.interaction().get("/api/interactions/" + id).expectProblem(404, "interaction-not-found");
        gus.telephony().get("/api/telephony/calls/" + call1.callId()).expectProblem(404, "call-not-found");
        assertEquals(0, gus.telephony().get("/api/telephony/calls").expectJson(200).path("items").size());
    }

    @Test
    @Order(12)
    @DisplayName("7 B03: a call on a flow without silent monitoring is not in the table and is not found")
    void step7_flowWithoutSilentMonitoringIsInvisible() {
        Call privateCall = placeCall("private", adam, "+15550100003", false);
        Event started = events.await(INTERACTION_EVENTS, INTERACTION_STARTED,
                e -> e.text("interactionId").equals(privateCall.interactionId()));
        events.awaitConsumed("monitoring-service", started, Duration.ofSeconds(30));

        assertTrue(find(table(sam).path("items"), "interactionId", privateCall.interactionId()).isEmpty(),
                "B03: not in the table");
        sam.monitoring().get("/api/monitoring/interactions/" + privateCall.interactionId())
                .expectProblem(404, "interaction-not-found");
        sue.monitoring().post(SESSIONS, Map.of("interactionId", privateCall.interactionId(), "extension", "client:sue"))
                .expectProblem(404, "interaction-not-found");
        // it exists (the phone network carries it), it just cannot be monitored
        JsonNode call = phone.telephony().get("/api/telephony/calls/" + privateCall.callId()).expectJson(200);
        assertEquals("ACTIVE", call.path("state").asText(), call.toString());
        assertEquals("private", call.path("flowId").asText(), call.toString());
    }

    // ------------------------------------------------------------------ 8

    @Test
    @Order(13)
    @DisplayName("8 B25 B40: the customer hangs up: every session ends INTERACTION_ENDED, legs released, all audited")
    void step8_callEndsAndEverySessionEnds() {
        telephone.hangUp(call1.callId(), "CUSTOMER");

        Event callEnded = events.await(TELEPHONY_EVENTS, CALL_ENDED, e -> e.text("callId").equals(call1.callId()));
        assertEquals(call1.callId(), callEnded.key());
        assertEquals("CUSTOMER", callEnded.text("endedBy"));
        Event ended = events.await(INTERACTION_EVENTS, INTERACTION_ENDED,
                e -> e.text("interactionId").equals(call1.interactionId()));
        assertEquals(call1.interactionId(), ended.key());

        for (Map.Entry<User, String> s : Map.of(sam, samSession, mona, monaSession, sue, sueSession).entrySet()) {
            Event monitorEnded = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(s.getValue()));
            assertEquals("INTERACTION_ENDED", monitorEnded.text("endReason"), monitorEnded.toString());
            JsonNode session = awaitSession(s.getKey(), s.getValue(), j -> j.path("state").asText().equals("ENDED"));
            assertEquals("INTERACTION_ENDED", session.path("endReason").asText(), session.toString());
            assertEquals(0, s.getKey().monitoring().get(SESSIONS).expectJson(200).size(), s.getKey() + " has no live session");
        }

        JsonNode call = awaitJson("gateway released every leg of the ended call", () -> call(call1),
                c -> c.path("monitorLegs").size() == 3
                        && texts(c.path("monitorLegs"), "state").stream().allMatch("ENDED"::equals));
        assertEquals("ENDED", call.path("state").asText());
        assertEquals("CUSTOMER", call.path("endedBy").asText());

        // B10: previously monitored, so still listed, as ended and without monitors
        JsonNode row = awaitJson("the table shows the call ended", () -> table(sam),
                t -> find(t.path("items"), "interactionId", call1.interactionId())
                        .map(r -> r.path("state").asText().equals("ENDED")).orElse(false));
        assertEquals(0, only(row.path("items"), "interactionId", call1.interactionId()).path("monitors").size());

        // B40: the audit trail of the call, for the administrator
        JsonNode audit = alice.monitoring().get("/api/monitoring/audit?size=200&interaction=" + call1.interactionId())
                .expectJson(200).path("items");
        assertAudit(audit, "sam", "START", "ACCEPTED", samSession, null);
        assertAudit(audit, "sam", "JOIN", "ACCEPTED", samSession, null);
        assertAudit(audit, "sam", "BARGE", "ACCEPTED", samSession, "SILENT -> BARGED");
        assertAudit(audit, "sam", "MUTE", "ACCEPTED", samSession, "BARGED -> SILENT");
        assertAudit(audit, "sam", "END", "ACCEPTED", samSession, "INTERACTION_ENDED");
        assertTrue(find(audit, a -> a.path("subjectId").asText().equals("sam") && a.path("action").asText().equals("END")
                        && a.path("actorId").asText().equals("system")).isPresent(),
                "B41: the system is the actor of the end it caused: " + audit);
        assertAudit(audit, "mona", "BARGE", "REFUSED", monaSession, "barge-not-permitted");
        assertAudit(audit, "mona", "END", "ACCEPTED", monaSession, "INTERACTION_ENDED");
        assertAudit(audit, "adam", "START", "REFUSED", null, "monitor-not-permitted");
        assertAudit(audit, "sue", "START", "REFUSED", null, "logged-in-as-agent");
        assertAudit(audit, "sue", "END", "ACCEPTED", sueSession, "INTERACTION_ENDED");
        JsonNode audit2 = alice.monitoring().get("/api/monitoring/audit?size=200&interaction=" + call2.interactionId())
                .expectJson(200).path("items");
        assertAudit(audit2, "sam", "START", "REFUSED", null, "voice-monitor-active");
        assertAudit(audit2, "anna", "START", "REFUSED", null, "own-interaction");
        sam.monitoring().get("/api/monitoring/audit").expectProblem(403, "audit-not-permitted");
    }

    // ------------------------------------------------------------------ 9

    @Test
    @Order(14)
    @DisplayName("9 B24: sam hangs up: only his monitor leg ends (SUPERVISOR_HUNG_UP), the call goes on")
    void step9_hangingUpEndsOnlyTheMonitorLeg() {
        Call call = placeCall("support", adam, "+15550100004", true);
        awaitRow(sam, call.interactionId());
        String session = startAndAwaitActive(sam, call, samDesk.get("address"));

        JsonNode ended = sam.monitoring().delete(SESSIONS + "/" + session).expectJson(200);
        assertEquals("ENDED", ended.path("state").asText());
        assertEquals("SUPERVISOR_HUNG_UP", ended.path("endReason").asText());
        Event hangUp = events.await(TELEPHONY_COMMANDS, HANG_UP_MONITOR_LEG, session(session));
        assertEquals(call.callId(), hangUp.key());
        Event monitorEnded = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(session));
        assertEquals("SUPERVISOR_HUNG_UP", monitorEnded.text("endReason"));
        events.await(TELEPHONY_EVENTS, MONITOR_LEG_ENDED, session(session));

        JsonNode leg = awaitLeg(call, session, l -> l.path("state").asText().equals("ENDED"));
        assertEquals("ENDED", leg.path("state").asText());
        JsonNode gatewayCall = call(call);
        assertEquals("ACTIVE", gatewayCall.path("state").asText(), "B24: the call goes on: " + gatewayCall);
        assertTrue(gatewayCall.path("participants").findValues("present").stream().allMatch(JsonNode::asBoolean),
                gatewayCall.toString());
        assertEquals("ACTIVE", alice.interaction().get("/api/interactions/" + call.interactionId()).expectJson(200)
                .path("state").asText());
        JsonNode row = only(table(sam).path("items"), "interactionId", call.interactionId());
        assertEquals("ACTIVE", row.path("state").asText());
        assertTrue(row.path("monitor").path("allowed").asBoolean(), "sam may monitor again: " + row);
        events.assertNone(TELEPHONY_EVENTS, CALL_ENDED, e -> e.text("callId").equals(call.callId()), QUIET);
    }

    // ------------------------------------------------------------------ 10

    @Test
    @Order(15)
    @DisplayName("10 B26: sam's extension is busy: the session ends DIAL_FAILED and he may monitor again at once")
    void step10_dialFailureFreesTheSupervisor() throws Exception {
        Call call = placeCall("support", adam, "+15550100005", true);
        awaitRow(sam, call.interactionId());
        String busy = samBrowser.get("address");
        try (AutoCloseable ignored = telephone.busy(busy)) {
            String failing = sam.monitoring().post(SESSIONS, Map.of("interactionId", call.interactionId(), "extension", busy))
                    .expectJson(201).path("sessionId").asText();
            Event failed = events.await(TELEPHONY_EVENTS, MONITOR_LEG_FAILED, session(failing));
            assertEquals("BUSY", failed.text("reason"));
            JsonNode ended = awaitSession(sam, failing, s -> s.path("state").asText().equals("ENDED"));
            assertEquals("DIAL_FAILED", ended.path("endReason").asText(), ended.toString());
            assertEquals("BUSY", ended.path("endDetail").asText(), ended.toString());
            Event monitorEnded = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(failing));
            assertEquals("DIAL_FAILED", monitorEnded.text("endReason"));

            // free again right away, on another extension
            String again = startAndAwaitActive(sam, call, samDesk.get("address"));
            sam.monitoring().delete(SESSIONS + "/" + again).expectJson(200);
        }
    }

    // ------------------------------------------------------------------ 11

    @Test
    @Order(16)
    @DisplayName("11 B25: the call ends while monitoring-service is down (SIGKILL); after restart the session ends")
    void step11_catchUpAfterACrash() {
        Call call = placeCall("support", adam, "+15550100006", true);
        awaitRow(sam, call.interactionId());
        String session = startAndAwaitActive(sam, call, samMobile.get("address"));
        assertEquals("CONNECTED", leg(call(call), session).path("state").asText());

        ProcessHandle killed = sut.kill(Service.MONITORING);
        assertFalse(killed.isAlive(), "pid " + killed.pid() + " is gone");
        assertFalse(sut.isRunning(Service.MONITORING));
        assertEquals(-1, Net.httpStatus(sut.url(Service.MONITORING) + "/q/health/live"), "nothing answers any more");

        telephone.hangUp(call.callId(), "AGENT");
        events.await(TELEPHONY_EVENTS, CALL_ENDED, e -> e.text("callId").equals(call.callId()));
        events.await(INTERACTION_EVENTS, INTERACTION_ENDED, e -> e.text("interactionId").equals(call.interactionId()));
        awaitLeg(call, session, l -> l.path("state").asText().equals("ENDED"));
        assertFalse(sut.isRunning(Service.MONITORING), "the interaction ended while monitoring-service was down");

        sut.startAgain(Service.MONITORING);

        // The restarted instance joins the consumer group while the killed one is still a member: the group only
        // rebalances (and the new instance only reads) once the dead member's session times out (session.timeout.ms,
        // 10 s in service-kit's defaults; Kafka's own default is 45 s). Hence the long wait.
        JsonNode ended = awaitJson("session " + session + " ended after the restart",
                () -> sam.monitoring().get(SESSIONS + "/" + session).expectJson(200),
                s -> s.path("state").asText().equals("ENDED"), CATCH_UP);
        assertEquals("INTERACTION_ENDED", ended.path("endReason").asText(), ended.toString());
        Event monitorEnded = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(session));
        assertEquals("INTERACTION_ENDED", monitorEnded.text("endReason"));
        assertEquals(0, sam.monitoring().get(SESSIONS).expectJson(200).size(), "no session left active");
        JsonNode gatewayCall = call(call);
        assertEquals("ENDED", gatewayCall.path("state").asText());
        assertEquals("ENDED", leg(gatewayCall, session).path("state").asText());
    }

    // ------------------------------------------------------------------ 12

    @Test
    @Order(17)
    @DisplayName("12: no event of the tenant was parked on a dead-letter topic on the way")
    void step12_nothingWasDeadLettered() {
        events.assertNothingDeadLettered();
    }

    // ------------------------------------------------------------------ helpers

    /** Places a call on the phone network and follows it to an interaction (call-started, interaction-started). */
    private Call placeCall(String flowId, User agent, String customer, boolean silentMonitoring) {
        String callId = telephone.place(flowId, agent, customer);

        Event started = events.await(TELEPHONY_EVENTS, CALL_STARTED, e -> e.text("callId").equals(callId));
        assertEquals(callId, started.key());
        assertEquals(flowId, started.text("flowId"));
        assertEquals(agent.id(), started.text("agentId"));

        Event interaction = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId));
        String interactionId = interaction.text("interactionId");
        assertEquals(interactionId, interaction.key());
        assertEquals("VOICE", interaction.text("channel"));
        assertEquals(flowId, interaction.text("flowId"));
        assertEquals(agent.id(), interaction.text("agentId"));
        assertEquals(customer, interaction.text("customer"));
        assertEquals(silentMonitoring, interaction.data().path("silentMonitoring").asBoolean(), interaction.toString());
        return new Call(callId, interactionId);
    }

    private String startAndAwaitActive(User user, Call call, String extension) {
        JsonNode started = user.monitoring().post(SESSIONS, Map.of("interactionId", call.interactionId(),
                "extension", extension)).expectJson(201);
        assertEquals("DIALING", started.path("state").asText());
        String session = started.path("sessionId").asText();
        JsonNode active = awaitSession(user, session, s -> s.path("state").asText().equals("ACTIVE"));
        assertEquals("SILENT", active.path("mode").asText());
        events.await(MONITORING_EVENTS, MONITOR_JOINED, session(session));
        return session;
    }

    private static JsonNode putUser(User admin, User user, String role, List<Map<String, String>> extensions, int status) {
        JsonNode body = admin.permission().put("/api/users/" + user.id(), Map.of("displayName", user.name(), "role", role,
                "extensions", extensions)).expectJson(status);
        assertEquals(user.id(), body.path("subject").asText());
        assertEquals(role, body.path("role").asText());
        return body;
    }

    private static Map<String, String> extension(String label, String kind, String address) {
        return Map.of("label", label, "kind", kind, "address", address);
    }

    private static JsonNode table(User user) {
        return user.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200);
    }

    private static JsonNode awaitRow(User user, String interactionId) {
        JsonNode table = awaitJson(interactionId + " in " + user + "'s monitoring table", () -> table(user),
                t -> find(t.path("items"), "interactionId", interactionId).isPresent());
        return only(table.path("items"), "interactionId", interactionId);
    }

    private static JsonNode awaitSession(User user, String sessionId, Predicate<JsonNode> state) {
        return awaitJson("session " + sessionId, () -> user.monitoring().get(SESSIONS + "/" + sessionId).expectJson(200), state);
    }

    /** The call as the gateway knows it, with every monitor leg: read by the administrator (VIEW_AUDIT). */
    private JsonNode call(Call call) {
        return alice.telephony().get("/api/telephony/calls/" + call.callId()).expectJson(200);
    }

    private static JsonNode leg(JsonNode call, String sessionId) {
        return only(call.path("monitorLegs"), "sessionId", sessionId);
    }

    private JsonNode awaitLeg(Call call, String sessionId, Predicate<JsonNode> done) {
        JsonNode found = awaitJson("leg of session " + sessionId + " on the gateway", () -> call(call),
                c -> find(c.path("monitorLegs"), "sessionId", sessionId).map(done::test).orElse(false));
        return leg(found, sessionId);
    }

    private static Predicate<Event> session(String sessionId) {
        return e -> e.text("sessionId").equals(sessionId);
    }

    private static Predicate<Event> mode(String mode) {
        return e -> e.text("mode").equals(mode);
    }

    private static void assertAudit(JsonNode audit, String actor, String action, String outcome, String sessionId,
                                    String detail) {
        // the supervisor concerned (subject): ends the system causes have the system as actor (B41)
        Optional<JsonNode> found = find(audit, a -> a.path("subjectId").asText().equals(actor)
                && a.path("action").asText().equals(action) && a.path("outcome").asText().equals(outcome)
                && (sessionId == null || a.path("sessionId").asText().equals(sessionId))
                && (detail == null || a.path("detail").asText().startsWith(detail)));
        assertTrue(found.isPresent(), "B40: no audit record " + actor + " " + action + " " + outcome
                + (detail == null ? "" : " (" + detail + ")") + " in " + audit);
        assertFalse(found.get().path("at").asText().isBlank());
    }
}
