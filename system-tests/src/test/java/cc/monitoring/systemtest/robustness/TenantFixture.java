package cc.monitoring.systemtest.robustness;

import cc.monitoring.systemtest.Client;
import cc.monitoring.systemtest.Event;
import cc.monitoring.systemtest.Events;
import cc.monitoring.systemtest.Reply;
import cc.monitoring.systemtest.User;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Client.awaitStatus;
import static cc.monitoring.systemtest.Json.texts;

/**
 * One tenant as the suite needs it, set up only through the services' APIs as its administrator would: a user of
 * every role (the built-in Administrator, Supervisor and Agent, and the custom roles "Monitor Only", "Channel
 * Platform" and "Phone Simulator"), and real resources to aim at: a flow with silent monitoring, a chat started by
 * the channel platform with a message, a voice call placed by the phone simulator, a digital and a voice
 * monitoring session, a role and a user that exist only to be read, changed and deleted.
 * <p>
 * Every identifier and name is random, so that each one marks this tenant's data: {@link #markers()} must never
 * show up in an answer to the other tenant, {@link #silentMarkers()} never in an answer to an agent (B07).
 */
final class TenantFixture {

    static final String ADMINISTRATOR = "Administrator";
    static final String SUPERVISOR = "Supervisor";
    static final String AGENT = "Agent";
    static final String MONITOR_ONLY = "Monitor Only";
    static final String CHANNEL_PLATFORM = "Channel Platform";
    static final String PHONE_SIMULATOR = "Phone Simulator";
    static final List<String> ROLES = List.of(ADMINISTRATOR, SUPERVISOR, AGENT, MONITOR_ONLY, CHANNEL_PLATFORM,
            PHONE_SIMULATOR);

    final String tenant;
    /** "A" or "B": how the report names this tenant. */
    final String label;
    /** Role → the user holding it. */
    final Map<String, User> users = new LinkedHashMap<>();
    final List<String> notes = new java.util.ArrayList<>();

    final String flowId;
    final String victimSubject;
    final String victimName;
    final String customer;
    final String customerName;
    final String customerNumber;
    final String supervisorExtension;
    final String monitorExtension;
    final String victimExtension;
    String victimRoleId;
    String chatInteractionId;
    String messageId;
    String callId;
    String voiceInteractionId;
    String chatSessionId;
    String voiceSessionId;

    TenantFixture(String label) {
        this.label = label;
        this.tenant = Client.newTenant();
        this.flowId = "flow-" + random();
        this.victimSubject = "victim-" + random();
        this.victimName = "Victor " + random();
        this.customer = "cust-" + random() + "@example.com";
        this.customerName = "Carla " + random();
        this.customerNumber = "+1415" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        this.supervisorExtension = "sip:sup-" + random() + "@example.com";
        this.monitorExtension = "client:mon-" + random();
        this.victimExtension = "sip:vic-" + random() + "@example.com";
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    User user(String role) {
        return users.get(role);
    }

    /** Sets everything up; fails with the answer that was not as expected. */
    TenantFixture setUp(Client client) {
        User admin = client.user(tenant, "admin-" + random(), "Ada " + random(), ADMINISTRATOR);
        users.put(ADMINISTRATOR, admin);
        admin.permission().get("/api/me").expectJson(200);
        role(admin, MONITOR_ONLY, List.of("MONITOR_ALL_CALLS"));
        role(admin, CHANNEL_PLATFORM, List.of("HANDLE_CONVERSATIONS"));
        String simulatorRole = simulatorRole(admin);
        String victimRole = "Victim role " + random();
        victimRoleId = role(admin, victimRole, List.of("MONITOR_ALL_CALLS")).path("id").asText();

        users.put(SUPERVISOR, person(client, admin, SUPERVISOR, SUPERVISOR, supervisorExtension));
        users.put(AGENT, person(client, admin, AGENT, AGENT, "client:agent-" + random()));
        users.put(MONITOR_ONLY, person(client, admin, MONITOR_ONLY, MONITOR_ONLY, monitorExtension));
        users.put(CHANNEL_PLATFORM, person(client, admin, CHANNEL_PLATFORM, CHANNEL_PLATFORM, null));
        users.put(PHONE_SIMULATOR, person(client, admin, PHONE_SIMULATOR, simulatorRole, null));
        putUser(admin, victimSubject, victimName, victimRole, victimExtension);

        awaitStatus(label + ": interaction-service lets the administrator manage flows",
                () -> admin.interaction().put("/api/flows/" + flowId, Map.of("name", "Support " + random(),
                        "silentMonitoring", true)), 201);
        User platform = user(CHANNEL_PLATFORM);
        awaitStatus(label + ": interaction-service knows the channel platform's HANDLE_CONVERSATIONS",
                () -> platform.interaction().post("/api/conversations/" + UUID.randomUUID() + "/end", Map.of("by", "AGENT")),
                404);
        for (String role : List.of(SUPERVISOR, MONITOR_ONLY)) {
            User u = user(role);
            awaitJson(label + ": monitoring-service knows " + u, () -> u.monitoring().get("/api/monitoring/me").expectJson(200),
                    j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS") && j.path("extensions").size() == 1);
        }

        User agent = user(AGENT);
        chatInteractionId = platform.interaction().post("/api/conversations", Map.of("channel", "CHAT", "flowId", flowId,
                "customer", customer, "customerName", customerName, "agentId", agent.id(), "agentName", agent.name()))
                .expectJson(201).path("id").asText();
        messageId = platform.interaction().post("/api/conversations/" + chatInteractionId + "/messages",
                Map.of("authorRole", "CUSTOMER", "text", "Parcel " + random())).expectJson(201).path("messageId").asText();

        Reply placed = user(PHONE_SIMULATOR).telephony().post("/api/telephony/calls", Map.of("flowId", flowId,
                "agentId", agent.id(), "agentName", agent.name(), "customerNumber", customerNumber));
        callId = placed.expectJson(201).path("callId").asText();
        Events events = client.events(tenant);
        Event started = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId));
        voiceInteractionId = started.text("interactionId");

        User supervisor = user(SUPERVISOR);
        awaitStatus(label + ": the chat in monitoring-service",
                () -> supervisor.monitoring().get("/api/monitoring/interactions/" + chatInteractionId), 200);
        chatSessionId = supervisor.monitoring().post("/api/monitoring/sessions", Map.of("interactionId", chatInteractionId))
                .expectJson(201).path("sessionId").asText();
        User monitor = user(MONITOR_ONLY);
        awaitStatus(label + ": the call in monitoring-service",
                () -> monitor.monitoring().get("/api/monitoring/interactions/" + voiceInteractionId), 200);
        voiceSessionId = monitor.monitoring().post("/api/monitoring/sessions", Map.of("interactionId", voiceInteractionId,
                "extension", monitorExtension)).expectJson(201).path("sessionId").asText();
        awaitStatus(label + ": the supervisor may read the chat's transcript",
                () -> supervisor.transcript().get("/api/transcripts/" + chatInteractionId), 200);
        return this;
    }

    private JsonNode role(User admin, String name, List<String> permissions) {
        return admin.permission().post("/api/roles", Map.of("name", name, "permissions", permissions)).expectJson(201);
    }

    /**
     * The phone simulator's custom role with {@code OPERATE_SIMULATOR}. Before permission-service knows that
     * permission (issue 8 adds it), the role holds nothing and the note says so: placing calls is then open to
     * everyone anyway.
     */
    private String simulatorRole(User admin) {
        Reply reply = admin.permission().post("/api/roles", Map.of("name", PHONE_SIMULATOR,
                "permissions", List.of("OPERATE_SIMULATOR")));
        if (reply.status() == 201) {
            return PHONE_SIMULATOR;
        }
        notes.add("permission-service refused a role with OPERATE_SIMULATOR (" + reply.status() + " " + reply.body()
                + "); the phone simulator identity has the role \"Phone Simulator\" without permissions");
        Reply empty = admin.permission().post("/api/roles", Map.of("name", PHONE_SIMULATOR, "permissions", List.of()));
        if (empty.status() == 201) {
            return PHONE_SIMULATOR;
        }
        notes.add("permission-service refused an empty role too (" + empty.status() + "); the phone simulator "
                + "identity is an Agent");
        return AGENT;
    }

    private User person(Client client, User admin, String label, String role, String extension) {
        String subject = label.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + random();
        String name = label + " " + random();
        putUser(admin, subject, name, role, extension);
        return client.user(tenant, subject, name);
    }

    private static void putUser(User admin, String subject, String name, String role, String extension) {
        List<Map<String, String>> extensions = extension == null ? List.of()
                : List.of(Map.of("label", "Phone", "kind", extension.startsWith("sip:") ? "SIP" : "WEBRTC",
                "address", extension));
        admin.permission().put("/api/users/" + subject, Map.of("displayName", name, "role", role,
                "extensions", extensions)).expect(201);
    }

    /** Strings that identify this tenant's data: none may appear in an answer to the other tenant (B06). */
    Map<String, String> markers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tenant id", tenant);
        users.forEach((role, u) -> {
            m.put(role + "'s subject", u.id());
            m.put(role + "'s name", u.name());
        });
        m.put("victim user", victimSubject);
        m.put("victim's name", victimName);
        m.put("role id", victimRoleId);
        m.put("flow id", flowId);
        m.put("customer", customer);
        m.put("customer name", customerName);
        m.put("customer number", customerNumber);
        m.put("chat id", chatInteractionId);
        m.put("message id", messageId);
        m.put("call id", callId);
        m.put("voice interaction id", voiceInteractionId);
        m.putAll(silentMarkers());
        m.put("victim's extension", victimExtension);
        return m;
    }

    /** What would tell an agent that, or by whom, they are monitored (B07). */
    Map<String, String> silentMarkers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("chat session id", chatSessionId);
        m.put("voice session id", voiceSessionId);
        m.put("supervisor's extension", supervisorExtension);
        m.put("monitor's extension", monitorExtension);
        return m;
    }

    /** Sample values for body fields and path parameters, by name: this tenant's real resources. */
    Map<String, String> hints() {
        User agent = user(AGENT);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("interactionId", chatInteractionId);
        h.put("sessionId", chatSessionId);
        h.put("callId", callId);
        h.put("messageId", messageId);
        h.put("flowId", flowId);
        h.put("subject", victimSubject);
        h.put("roleId", victimRoleId);
        h.put("participantId", agent.id());
        h.put("agentId", agent.id());
        h.put("agentName", agent.name());
        h.put("customer", customer);
        h.put("customerName", customerName);
        h.put("customerNumber", customerNumber);
        h.put("extension", supervisorExtension);
        h.put("address", victimExtension);
        return h;
    }

    @Override
    public String toString() {
        return label + " (" + tenant + ")";
    }
}
