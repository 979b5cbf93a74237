package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.EventTypes.MESSAGE_POSTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_JOINED;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.contracts.Topics.MONITORING_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Json.find;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Silent means silent (B07) and nobody who monitors writes (B35), played as clients: the calls are placed by the
 * tenant's phone simulator and the chats delivered by its channel platform, machine identities with custom roles
 * (OPERATE_SIMULATOR, HANDLE_CONVERSATIONS) that no person's built-in role holds. One tenant set up once; each test
 * is a scenario of its own on its own call or chat.
 */
@ExtendWith(SystemUnderTestExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Silent and read-only at every edge")
class SilentAndReadOnlyIT {

    private static final String SESSIONS = "/api/monitoring/sessions";
    private static final String CONVERSATIONS = "/api/conversations";
    private static final String FLOW = "support";
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final String tenant = Client.newTenant();
    private final Events events;
    private final User alice;
    private final User sam;
    private final User adam;
    private final User anna;
    private final User phone;
    private final User platform;
    /** A person given, against the advice of the docs, a custom role that may both monitor and write. */
    private final User max;
    private final Map<String, String> samDesk;

    SilentAndReadOnlyIT(Client client) {
        events = client.events(tenant);
        alice = client.user(tenant, "alice", "Alice Admin", "Administrator");
        sam = client.user(tenant, "sam", "Sam Sanders", "Supervisor");
        adam = client.user(tenant, "adam", "Adam Agent", "Agent");
        anna = client.user(tenant, "anna", "Anna Agent", "Agent");
        max = client.user(tenant, "max", "Max Mixed");
        phone = Machines.phoneSimulator(client, tenant);
        platform = Machines.channelPlatform(client, tenant);
        samDesk = Map.of("label", "Desk phone", "kind", "SIP", "address", "sip:sam@" + tenant + ".example.com");
    }

    @BeforeAll
    void administratorSetsUpTheTenant() {
        alice.permission().get("/api/me").expectJson(200);
        putUser(sam, "Supervisor", List.of(samDesk));
        putUser(adam, "Agent", List.of(Map.of("label", "Desk phone", "kind", "SIP", "address", "sip:adam@example.com")));
        putUser(anna, "Agent", List.of());
        Machines.role(alice, "Monitor And Write", "MONITOR_ALL_CALLS", "HANDLE_CONVERSATIONS");
        putUser(max, "Monitor And Write", List.of());
        Machines.setUpPhoneSimulator(alice, phone);
        Machines.setUpChannelPlatform(alice, platform);
        Client.awaitStatus("alice may manage flows in interaction-service",
                () -> alice.interaction().put("/api/flows/" + FLOW, Map.of("name", "Support", "silentMonitoring", true)), 201);
        for (User monitor : List.of(sam, alice, max)) {
            awaitJson("monitoring-service knows " + monitor, () -> monitor.monitoring().get("/api/monitoring/me").expectJson(200),
                    j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));
        }
    }

    // ------------------------------------------------------------------ B07

    @Test
    @DisplayName("B07 while sam monitors adam's call, adam's token learns nothing of it: telephony calls 403, "
            + "monitoring-service 403 (or not found), no leg, extension or supervisor in any answer")
    void B07_agentSeesNoMonitorOfOwnCall() {
        JsonNode placed = phone.telephony().post("/api/telephony/calls", Map.of("flowId", FLOW, "agentId", adam.id(),
                "agentName", adam.name(), "customerNumber", "+15550107001")).expectJson(201);
        String callId = placed.path("callId").asText();
        String interactionId = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId))
                .text("interactionId");
        awaitJson("the call in sam's table", () -> sam.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200),
                t -> find(t.path("items"), "interactionId", interactionId).isPresent());
        String session = sam.monitoring().post(SESSIONS, Map.of("interactionId", interactionId,
                "extension", samDesk.get("address"))).expectJson(201).path("sessionId").asText();
        awaitJson("sam's session ACTIVE", () -> sam.monitoring().get(SESSIONS + "/" + session).expectJson(200),
                s -> s.path("state").asText().equals("ACTIVE"));
        events.await(MONITORING_EVENTS, MONITOR_JOINED, e -> e.text("sessionId").equals(session));
        List<String> secrets = List.of(session, samDesk.get("address"), "\"sam\"", "Sam Sanders", "monitorLegs");
        try {
            // telephony-gateway: call details are not for agents at all
            revealsNothing(adam.telephony().get("/api/telephony/calls"), secrets)
                    .expectProblem(403, "call-details-not-permitted");
            revealsNothing(adam.telephony().get("/api/telephony/calls/" + callId), secrets)
                    .expectProblem(403, "call-details-not-permitted");
            revealsNothing(adam.telephony().get("/api/telephony/calls?state=ACTIVE&size=200"), secrets)
                    .expectProblem(403, "call-details-not-permitted");

            // monitoring-service: the table, the details (monitors), the stream are for monitors only
            revealsNothing(adam.monitoring().get("/api/monitoring/interactions"), secrets)
                    .expectProblem(403, "monitor-not-permitted");
            revealsNothing(adam.monitoring().get("/api/monitoring/interactions/" + interactionId), secrets)
                    .expectProblem(403, "monitor-not-permitted");
            try (EventStream stream = EventStream.open(adam, Service.MONITORING, "/api/monitoring/stream")) {
                assertEquals(403, stream.status(), stream.description() + ": " + stream.body());
                for (String secret : secrets) {
                    assertFalse(stream.body().contains(secret), stream.body());
                }
            }
            // sam's session is not adam's: refused or not found, never shown
            // the answer may quote the path adam asked for (problem+json "instance"), never anything else about it
            Reply samsSession = revealsNothing(adam.monitoring().get(SESSIONS + "/" + session),
                    secrets.stream().filter(secret -> !secret.equals(session)).toList());
            assertTrue(samsSession.status() == 403 || samsSession.status() == 404, samsSession.body());
            for (String path : List.of(SESSIONS, "/api/monitoring/me")) {
                revealsNothing(adam.monitoring().get(path), secrets);
            }
            revealsNothing(adam.monitoring().get("/api/monitoring/audit?interaction=" + interactionId), secrets)
                    .expectProblem(403, "audit-not-permitted");
            // interaction-service: not for agents either
            assertEquals(403, revealsNothing(adam.interaction().get("/api/interactions/" + interactionId), secrets).status());

            // who may see what of the call: the session's owner his own leg, the simulator no legs, the auditor all
            JsonNode forSam = sam.telephony().get("/api/telephony/calls/" + callId).expectJson(200);
            assertEquals(List.of(session), texts(forSam.path("monitorLegs"), "sessionId"), "only his own leg: " + forSam);
            JsonNode forPhone = phone.telephony().get("/api/telephony/calls/" + callId).expectJson(200);
            assertEquals(0, forPhone.path("monitorLegs").size(), "the simulator sees no monitor: " + forPhone);
            JsonNode forAlice = alice.telephony().get("/api/telephony/calls/" + callId).expectJson(200);
            assertEquals(List.of(session), texts(forAlice.path("monitorLegs"), "sessionId"), "VIEW_AUDIT sees all: " + forAlice);
        } finally {
            sam.monitoring().delete(SESSIONS + "/" + session);
            phone.telephony().post("/api/telephony/calls/" + callId + "/hangup", Map.of("by", "CUSTOMER"));
        }
    }

    @Test
    @DisplayName("B07 B35 only the phone simulator drives the phone network: people (agent, supervisor, administrator) "
            + "may not place or hang up calls nor inject failures")
    void B07_onlyThePhoneSimulatorOperatesTheSimulator() {
        Map<String, String> call = Map.of("flowId", FLOW, "agentId", adam.id(), "agentName", adam.name(),
                "customerNumber", "+15550107002");
        for (User person : List.of(adam, sam, alice)) {
            person.telephony().post("/api/telephony/calls", call).expectProblem(403, "simulator-not-permitted");
            person.telephony().put("/api/telephony/simulator/failures/" + samDesk.get("address"), Map.of("failure", "BUSY"))
                    .expectProblem(403, "simulator-not-permitted");
        }
        String callId = phone.telephony().post("/api/telephony/calls", call).expectJson(201).path("callId").asText();
        try {
            for (User person : List.of(adam, sam, alice)) {
                person.telephony().post("/api/telephony/calls/" + callId + "/hangup", Map.of("by", "CUSTOMER"))
                        .expectProblem(403, "simulator-not-permitted");
            }
        } finally {
            phone.telephony().post("/api/telephony/calls/" + callId + "/hangup", Map.of("by", "CUSTOMER")).expect(202);
        }
    }

    // ------------------------------------------------------------------ B35

    @Test
    @DisplayName("B35 alice (Administrator) monitors a chat: her posts into it, as customer or agent, and ending it are "
            + "refused 403; nothing is posted; the channel platform still writes")
    void B35_administratorMonitoringAChatCannotPostIntoIt() {
        String chat = startChat("dana@example.com");
        post(platform, chat, "CUSTOMER", "Hello, is anybody there?");
        awaitJson("the chat in alice's table", () -> alice.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200),
                t -> find(t.path("items"), "interactionId", chat).isPresent());
        JsonNode monitoring = alice.monitoring().post(SESSIONS, Map.of("interactionId", chat)).expectJson(201);
        String session = monitoring.path("sessionId").asText();
        assertEquals("ACTIVE", monitoring.path("state").asText(), monitoring.toString());
        events.await(MONITORING_EVENTS, MONITOR_JOINED, e -> e.text("sessionId").equals(session));
        try {
            String text = "Written by the administrator";
            String messages = CONVERSATIONS + "/" + chat + "/messages";
            for (String role : List.of("CUSTOMER", "AGENT")) {
                alice.interaction().post(messages, Map.of("authorRole", role, "text", text))
                        .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
            }
            alice.interaction().post(CONVERSATIONS + "/" + chat + "/end", Map.of("by", "CUSTOMER"))
                    .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
            events.assertNone(INTERACTION_EVENTS, MESSAGE_POSTED,
                    e -> e.text("interactionId").equals(chat) && e.text("text").equals(text), QUIET);
            assertEquals(2, post(platform, chat, "AGENT", "Yes, how can I help?").path("sequence").asLong(),
                    "the channel platform writes; alice's posts are not in the conversation");
        } finally {
            alice.monitoring().delete(SESSIONS + "/" + session);
            platform.interaction().post(CONVERSATIONS + "/" + chat + "/end", Map.of("by", "CUSTOMER"));
        }
    }

    @Test
    @DisplayName("B35 an identity with a live monitoring session on a conversation is refused writing into it "
            + "(monitor-may-not-write) whatever its role; after End Monitoring it may write again")
    void B35_anIdentityMonitoringAConversationMayNotWriteWhateverItsRole() {
        String chat = startChat("erin@example.com");
        post(max, chat, "CUSTOMER", "Before monitoring: max's role may write");
        awaitJson("the chat in max's table", () -> max.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200),
                t -> find(t.path("items"), "interactionId", chat).isPresent());
        String session = max.monitoring().post(SESSIONS, Map.of("interactionId", chat)).expectJson(201).path("sessionId").asText();
        events.await(MONITORING_EVENTS, MONITOR_JOINED, e -> e.text("sessionId").equals(session));
        try {
            // interaction-service learns the live session from monitoring-events: until then a post may still pass
            Refusal refused = awaitRefusedPost(max, chat);
            refused.reply().expectProblem(403, "monitor-may-not-write");
            events.assertNone(INTERACTION_EVENTS, MESSAGE_POSTED,
                    e -> e.text("interactionId").equals(chat) && e.text("text").equals(refused.text()), QUIET);
            max.interaction().post(CONVERSATIONS + "/" + chat + "/end", Map.of("by", "CUSTOMER"))
                    .expectProblem(403, "monitor-may-not-write");
        } finally {
            max.monitoring().delete(SESSIONS + "/" + session).expectJson(200);
        }
        Client.awaitStatus("max writes again once his session is over",
                () -> max.interaction().post(CONVERSATIONS + "/" + chat + "/messages",
                        Map.of("authorRole", "CUSTOMER", "text", "After monitoring")), 201);
        platform.interaction().post(CONVERSATIONS + "/" + chat + "/end", Map.of("by", "CUSTOMER")).expectJson(200);
    }

    // ------------------------------------------------------------------ helpers

    /** The answer holds none of the secrets and, if it is a refusal, is problem+json; never a 5xx. */
    private static Reply revealsNothing(Reply reply, List<String> secrets) {
        assertTrue(reply.status() < 500, reply.request() + " -> " + reply.status() + " " + reply.body());
        if (reply.status() >= 400) {
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.request() + ": " + reply.contentType());
        }
        for (String secret : secrets) {
            assertFalse(reply.body().contains(secret), "B07: " + reply.request() + " reveals '" + secret + "': " + reply.body());
        }
        return reply;
    }

    /** A refused post and the text it tried to post. */
    private record Refusal(Reply reply, String text) {
    }

    /** Posts as {@code writer} until interaction-service refuses; returns the refusal. */
    private static Refusal awaitRefusedPost(User writer, String chat) {
        AtomicInteger attempt = new AtomicInteger();
        AtomicReference<Reply> last = new AtomicReference<>();
        try {
            Reply refused = Awaitility.await("interaction-service refuses " + writer + " writing while monitoring")
                    .atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(150))
                    .until(() -> {
                        Reply r = writer.interaction().post(CONVERSATIONS + "/" + chat + "/messages",
                                Map.of("authorRole", "CUSTOMER", "text", "while monitoring " + attempt.incrementAndGet()));
                        last.set(r);
                        return r;
                    }, r -> r.status() != 201);
            return new Refusal(refused, "while monitoring " + attempt.get());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Reply r = last.get();
            throw new AssertionError("B35: " + writer + " kept writing while monitoring; last: "
                    + (r == null ? "none" : r.status() + " " + r.body()), e);
        }
    }

    private String startChat(String customer) {
        JsonNode started = platform.interaction().post(CONVERSATIONS, Map.of("channel", "CHAT", "flowId", FLOW,
                "customer", customer, "customerName", "Customer " + customer, "agentId", anna.id(),
                "agentName", anna.name())).expectJson(201);
        assertTrue(started.path("silentMonitoring").asBoolean(), started.toString());
        return started.path("id").asText();
    }

    private static JsonNode post(User writer, String chat, String authorRole, String text) {
        JsonNode message = writer.interaction().post(CONVERSATIONS + "/" + chat + "/messages",
                Map.of("authorRole", authorRole, "text", text)).expectJson(201);
        assertEquals(text, message.path("text").asText());
        return message;
    }

    private void putUser(User user, String role, List<Map<String, String>> extensions) {
        JsonNode body = alice.permission().put("/api/users/" + user.id(), Map.of("displayName", user.name(), "role", role,
                "extensions", extensions)).expectJson(201);
        assertEquals(role, body.path("role").asText());
    }
}
