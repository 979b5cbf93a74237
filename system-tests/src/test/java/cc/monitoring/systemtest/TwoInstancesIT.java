package cc.monitoring.systemtest;

import cc.monitoring.contracts.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static cc.monitoring.contracts.EventTypes.CALL_STARTED;
import static cc.monitoring.contracts.EventTypes.DIAL_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.INTERACTION_ENDED;
import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.EventTypes.MESSAGE_POSTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_ENDED;
import static cc.monitoring.contracts.EventTypes.MONITOR_JOINED;
import static cc.monitoring.contracts.EventTypes.MONITOR_LEG_CONNECTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_REQUESTED;
import static cc.monitoring.contracts.EventTypes.TRANSCRIPT_READ;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.contracts.Topics.MONITORING_EVENTS;
import static cc.monitoring.contracts.Topics.TELEPHONY_COMMANDS;
import static cc.monitoring.contracts.Topics.TELEPHONY_EVENTS;
import static cc.monitoring.contracts.Topics.TRANSCRIPT_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Client.awaitStatus;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of every service at once, one of each killed with SIGKILL in the middle of voice and chat traffic:
 * nothing is lost and nothing is applied twice.
 * <p>
 * permission-, interaction-, monitoring- and transcript-service run as two instances each (same schema, same
 * consumer group, own port); requests alternate between the instances. telephony-gateway runs once: its simulated
 * phone network lives in memory, so a second instance would not know the calls the first one placed (a dial
 * command consumed there would fail); it is killed and started again instead, and its start-up recovery
 * ({@code SimulatorRecovery}) puts the active calls back (docs/scaling.md).
 * <p>
 * The kill point is counted, not timed: right after the last request of the first half was accepted (sessions
 * started on both monitoring instances, messages posted on both interaction instances), before waiting for any
 * of their effects, so events are in the outboxes, on the topics and in the consumers' batches when the instances
 * die. The second half goes to the surviving instances. Then every session must have ended once, every message be
 * in its transcript once and in order, the audit hold each action once, and no transition have been published
 * under two event ids. (The outbox relay sends at least once: a record it had sent but not yet deleted when killed
 * is sent again with the same id, which the consumers drop; such repeats are counted and printed, not refused.)
 */
@ExtendWith({SystemUnderTestExtension.class, StopAfterFailedStep.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Two instances of every service, one of each killed in the middle of traffic")
class TwoInstancesIT {

    private static final String SESSIONS = "/api/monitoring/sessions";
    private static final String CONVERSATIONS = "/api/conversations";
    private static final String TRANSCRIPTS = "/api/transcripts/";
    /** Services that run twice here; telephony-gateway (simulated network in memory) runs once. */
    private static final List<Service> TWICE = List.of(Service.PERMISSION, Service.INTERACTION, Service.MONITORING,
            Service.TRANSCRIPT);
    private static final int CALLS = 4;
    private static final int CHATS = 4;
    private static final int MESSAGES_BEFORE = 3;
    private static final int MESSAGES_AFTER = 3;
    /** A killed consumer's partitions move to the survivor after the session timeout (10 s); margin for a busy machine. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(90);

    private final SystemUnderTest sut;
    private final String tenant = Client.newTenant();
    private final Events events;
    private final User alice;
    private final User dora;
    private final List<User> supervisors = new ArrayList<>();
    private final List<User> agents = new ArrayList<>();
    private final User phone;
    private final User platform;

    private final List<Call> calls = new ArrayList<>();
    private final List<String> chats = new ArrayList<>();
    /** session id → the interaction it monitors. */
    private final Map<String, String> sessions = new LinkedHashMap<>();
    /** chat → the texts posted, in order. */
    private final Map<String, List<String>> posted = new LinkedHashMap<>();
    /** Requests accepted (2xx) by the services since the traffic began; the kill comes after a fixed number. */
    private int accepted;

    record Call(String callId, String interactionId) {
    }

    TwoInstancesIT(SystemUnderTest sut, Client client) {
        this.sut = sut;
        this.events = client.events(tenant);
        alice = client.user(tenant, "alice", "Alice Admin", "Administrator");
        dora = client.user(tenant, "dora", "Dora Digital", "Supervisor");
        for (int i = 1; i <= CALLS; i++) {
            supervisors.add(client.user(tenant, "sup" + i, "Supervisor " + i, "Supervisor"));
            agents.add(client.user(tenant, "agent" + i, "Agent " + i, "Agent"));
        }
        phone = Machines.phoneSimulator(client, tenant);
        platform = Machines.channelPlatform(client, tenant);
    }

    @AfterAll
    void stopTheSecondInstances() {
        TWICE.forEach(sut::stopMoreInstances);
    }

    /** One user's API on one instance of a service. */
    private Api on(User user, Service service, int instance) {
        return new Api(sut.url(service, instance), user.token(), user.toString());
    }

    private JsonNode accept(Reply reply, int status) {
        JsonNode body = reply.expectJson(status);
        accepted++;
        return body;
    }

    @Test
    @Order(1)
    @DisplayName("1: a second instance of permission-, interaction-, monitoring- and transcript-service, each consumer "
            + "group's partitions split between the two; the tenant is set up through both permission-service instances")
    void step1_secondInstancesAndTheTenant() {
        for (Service s : TWICE) {
            assertEquals(1, sut.startInstance(s), s + " gets instance 1");
        }
        // one consumer group per service: each consumed topic's partitions are split between the two instances
        awaitPartitionsSplit("interaction-service", Topics.TELEPHONY_EVENTS, Topics.PERMISSION_EVENTS, MONITORING_EVENTS);
        awaitPartitionsSplit("monitoring-service", INTERACTION_EVENTS, Topics.PERMISSION_EVENTS, Topics.AGENT_PRESENCE,
                TELEPHONY_EVENTS, TRANSCRIPT_EVENTS);
        awaitPartitionsSplit("transcript-service", INTERACTION_EVENTS, MONITORING_EVENTS);

        alice.permission().get("/api/me").expectJson(200);
        Machines.setUpPhoneSimulator(alice, phone);
        Machines.setUpChannelPlatform(alice, platform);
        for (int i = 0; i < CALLS; i++) {
            // users alternate between the two permission-service instances: both publish through the one outbox
            putUser(on(alice, Service.PERMISSION, i % 2), supervisors.get(i), "Supervisor",
                    List.of(Map.of("label", "Mobile", "kind", "PSTN", "address", "+1415555" + (1000 + i))));
            putUser(on(alice, Service.PERMISSION, (i + 1) % 2), agents.get(i), "Agent",
                    List.of(Map.of("label", "Browser", "kind", "WEBRTC", "address", "client:agent" + i)));
        }
        putUser(on(alice, Service.PERMISSION, 1), dora, "Supervisor",
                List.of(Map.of("label", "Browser", "kind", "WEBRTC", "address", "client:dora")));
        awaitStatus("alice may manage flows", () -> alice.interaction().put("/api/flows/support",
                Map.of("name", "Support", "silentMonitoring", true)), 201);
        // both monitoring instances share one read model (one schema): whichever consumed the event, both know them
        for (int instance = 0; instance < 2; instance++) {
            for (User u : concat(supervisors, List.of(dora))) {
                int i = instance;
                awaitJson("monitoring-service instance " + i + " knows " + u,
                        () -> on(u, Service.MONITORING, i).get("/api/monitoring/me").expectJson(200),
                        j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS") && j.path("extensions").size() == 1);
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("2: calls and chats begin; interaction-service (both instances) and monitoring-service know them")
    void step2_callsAndChatsBegin() {
        for (int i = 0; i < CALLS; i++) {
            JsonNode placed = accept(phone.telephony().post("/api/telephony/calls", Map.of("flowId", "support",
                    "agentId", agents.get(i).id(), "agentName", agents.get(i).name(),
                    "customerNumber", "+1555020" + (1000 + i))), 201);
            String callId = placed.path("callId").asText();
            events.await(TELEPHONY_EVENTS, CALL_STARTED, e -> e.text("callId").equals(callId));
            Event started = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId));
            calls.add(new Call(callId, started.text("interactionId")));
        }
        for (int i = 0; i < CHATS; i++) {
            User agent = agents.get(i % agents.size());
            JsonNode chat = accept(on(platform, Service.INTERACTION, i % 2).post(CONVERSATIONS, Map.of("channel", "CHAT",
                    "flowId", "support", "customer", "customer" + i + "@example.com", "customerName", "Customer " + i,
                    "agentId", agent.id(), "agentName", agent.name())), 201);
            chats.add(chat.path("id").asText());
            posted.put(chat.path("id").asText(), new ArrayList<>());
        }
        for (String interactionId : concat(calls.stream().map(Call::interactionId).toList(), chats)) {
            awaitStatus("monitoring-service knows " + interactionId,
                    () -> alice.monitoring().get("/api/monitoring/interactions/" + interactionId), 200);
        }
    }

    @Test
    @Order(3)
    @DisplayName("3: the first half of the traffic on both instances, then SIGKILL: instance 1 of each doubled service, "
            + "and the only telephony-gateway")
    void step3_firstHalfThenKill() {
        for (int i = 0; i < CALLS; i++) {
            User supervisor = supervisors.get(i);
            JsonNode session = accept(on(supervisor, Service.MONITORING, i % 2).post(SESSIONS, Map.of(
                    "interactionId", calls.get(i).interactionId(), "extension", "+1415555" + (1000 + i))), 201);
            assertEquals("DIALING", session.path("state").asText(), session.toString());
            sessions.put(session.path("sessionId").asText(), calls.get(i).interactionId());
        }
        for (int i = 0; i < CHATS; i++) {
            String chat = chats.get(i);
            JsonNode session = accept(on(dora, Service.MONITORING, (i + 1) % 2).post(SESSIONS, Map.of("interactionId", chat)), 201);
            assertEquals("ACTIVE", session.path("state").asText(), "B33: a chat is monitored at once: " + session);
            sessions.put(session.path("sessionId").asText(), chat);
        }
        for (int m = 0; m < MESSAGES_BEFORE; m++) {
            for (int i = 0; i < CHATS; i++) {
                postMessage(chats.get(i), i + m);
            }
        }
        int expected = CALLS + CHATS + CALLS + CHATS + CHATS * MESSAGES_BEFORE;
        assertEquals(expected, accepted, "the kill comes after exactly this many accepted requests");

        for (Service s : TWICE) {
            sut.kill(s, 1);
        }
        sut.kill(Service.TELEPHONY);
        System.out.printf("%nTwoInstancesIT: killed instance 1 of %s and telephony-gateway after %d accepted requests%n",
                TWICE, accepted);
        sut.startAgain(Service.TELEPHONY);
    }

    @Test
    @Order(4)
    @DisplayName("4 B31: the second half on the surviving instances: more messages, every transcript complete and in order, "
            + "every voice session ACTIVE")
    void step4_secondHalfOnTheSurvivors() {
        for (int m = 0; m < MESSAGES_AFTER; m++) {
            for (int i = 0; i < CHATS; i++) {
                postMessage(chats.get(i), 100 + i + m);
            }
        }
        for (String chat : chats) {
            List<String> expected = posted.get(chat);
            JsonNode transcript = awaitJson("the whole transcript of " + chat,
                    () -> {
                        Reply r = on(dora, Service.TRANSCRIPT, 0).get(TRANSCRIPTS + chat + "?after=0");
                        return r.status() == 200 ? r.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                    },
                    t -> t.path("messages").size() >= expected.size(), AFTER_KILL);
            assertEquals(expected, texts(transcript.path("messages"), "text"), "every message once, in order: " + transcript);
            List<String> sequences = new ArrayList<>();
            for (int n = 1; n <= expected.size(); n++) {
                sequences.add(Integer.toString(n));
            }
            assertEquals(sequences, texts(transcript.path("messages"), "sequence"));
        }
        for (Map.Entry<String, String> s : sessions.entrySet()) {
            if (isCall(s.getValue())) {
                User supervisor = supervisors.get(callIndex(s.getValue()));
                awaitJson("voice session " + s.getKey() + " ACTIVE",
                        () -> on(supervisor, Service.MONITORING, 0).get(SESSIONS + "/" + s.getKey()).expectJson(200),
                        j -> j.path("state").asText().equals("ACTIVE"), AFTER_KILL);
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("5 B25: calls hang up and chats end: every session ends INTERACTION_ENDED, once")
    void step5_everythingEnds() {
        for (Call call : calls) {
            phone.telephony().post("/api/telephony/calls/" + call.callId() + "/hangup", Map.of("by", "CUSTOMER")).expect(202);
        }
        for (String chat : chats) {
            platform.interaction().post(CONVERSATIONS + "/" + chat + "/end", Map.of("by", "AGENT")).expectJson(200);
        }
        for (Map.Entry<String, String> s : sessions.entrySet()) {
            User owner = isCall(s.getValue()) ? supervisors.get(callIndex(s.getValue())) : dora;
            JsonNode ended = awaitJson("session " + s.getKey() + " ENDED",
                    () -> owner.monitoring().get(SESSIONS + "/" + s.getKey()).expectJson(200),
                    j -> j.path("state").asText().equals("ENDED"), AFTER_KILL);
            assertEquals("INTERACTION_ENDED", ended.path("endReason").asText(), ended.toString());
        }
    }

    @Test
    @Order(6)
    @DisplayName("6 B40: nothing lost, nothing applied twice: one event id per transition, audit once per action, "
            + "nothing dead-lettered")
    void step6_nothingLostNothingTwice() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> repeats = new TreeMap<>();
        for (String sessionId : sessions.keySet()) {
            String interactionId = sessions.get(sessionId);
            boolean voice = isCall(interactionId);
            for (String type : List.of(MONITOR_REQUESTED, MONITOR_JOINED, MONITOR_ENDED)) {
                once(problems, repeats, MONITORING_EVENTS, type, "sessionId", sessionId);
            }
            if (voice) {
                once(problems, repeats, TELEPHONY_COMMANDS, DIAL_MONITOR_LEG, "sessionId", sessionId);
                once(problems, repeats, TELEPHONY_EVENTS, MONITOR_LEG_CONNECTED, "sessionId", sessionId);
            }
        }
        for (String interactionId : concat(calls.stream().map(Call::interactionId).toList(), chats)) {
            once(problems, repeats, INTERACTION_EVENTS, INTERACTION_STARTED, "interactionId", interactionId);
            once(problems, repeats, INTERACTION_EVENTS, INTERACTION_ENDED, "interactionId", interactionId);
        }
        for (String chat : chats) {
            Map<Long, Set<String>> idsBySequence = new TreeMap<>();
            for (Event e : events.all(INTERACTION_EVENTS)) {
                if (e.type().equals(MESSAGE_POSTED) && e.text("interactionId").equals(chat)) {
                    idsBySequence.computeIfAbsent(e.data().path("sequence").asLong(), k -> new TreeSet<>()).add(e.id());
                }
            }
            Map<Long, Integer> expected = new TreeMap<>();
            for (long n = 1; n <= posted.get(chat).size(); n++) {
                expected.put(n, 1);
            }
            Map<Long, Integer> actual = idsBySequence.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size(), (a, b) -> a, TreeMap::new));
            if (!expected.equals(actual)) {
                problems.add("message-posted of " + chat + ": event ids per sequence " + idsBySequence);
            }
        }

        // B40: the audit trail holds each action once per session (the transcript's first read too, B41)
        for (String sessionId : sessions.keySet()) {
            String interactionId = sessions.get(sessionId);
            JsonNode audit = alice.monitoring().get("/api/monitoring/audit?size=200&interaction=" + interactionId)
                    .expectJson(200).path("items");
            Map<String, Long> actions = new TreeMap<>();
            audit.forEach(a -> {
                if (a.path("sessionId").asText().equals(sessionId)) {
                    actions.merge(a.path("action").asText(), 1L, Long::sum);
                }
            });
            Map<String, Long> expected = new TreeMap<>(Map.of("START", 1L, "JOIN", 1L, "END", 1L));
            if (!isCall(interactionId)) {
                // B41: the first read of the transcript within a session is audited, once, however many
                // transcript-read events (reads that moved the position, B11) the session's reads produced
                long reads = events.all(TRANSCRIPT_EVENTS).stream()
                        .filter(e -> e.type().equals(TRANSCRIPT_READ) && e.text("interactionId").equals(interactionId))
                        .map(Event::id).distinct().count();
                expected.put("TRANSCRIPT_READ", Math.min(reads, 1L));
            }
            if (!expected.equals(actions)) {
                problems.add("audit of session " + sessionId + ": " + actions + ", expected " + expected);
            }
        }
        System.out.println("TwoInstancesIT: records sent again with the same id after the kill (absorbed): " + repeats);
        assertEquals(List.of(), problems, "lost or applied twice");
        events.assertNothingDeadLettered();
    }

    /** Waits until, in {@code group}, two members (the two instances) hold partitions of each topic. */
    private void awaitPartitionsSplit(String group, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, sut.kafkaBootstrapServers()))) {
            Awaitility.await(group + " splits " + List.of(topics) + " between two instances")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                                .get(10, TimeUnit.SECONDS).get(group);
                        for (String topic : topics) {
                            long holders = description.members().stream().filter(m -> m.assignment().topicPartitions()
                                    .stream().anyMatch(tp -> tp.topic().equals(topic))).count();
                            if (holders != 2) {
                                return false;
                            }
                        }
                        return true;
                    });
        }
    }

    /** Exactly one event id of this type for this aggregate; copies of that id are counted in {@code repeats}. */
    private void once(List<String> problems, Map<String, Integer> repeats, String topic, String type, String field,
                      String value) {
        List<Event> found = events.all(topic).stream()
                .filter(e -> e.type().equals(type) && e.text(field).equals(value)).toList();
        Set<String> ids = found.stream().map(Event::id).collect(Collectors.toCollection(TreeSet::new));
        if (ids.size() != 1) {
            problems.add(type + " for " + field + " " + value + ": " + ids.size() + " event ids " + ids);
        }
        if (found.size() > ids.size()) {
            repeats.merge(type, found.size() - ids.size(), Integer::sum);
        }
    }

    private void postMessage(String chat, int n) {
        String text = "message " + (posted.get(chat).size() + 1) + " of " + chat.substring(0, 8) + " (" + n + ")";
        // the first half alternates between the interaction-service instances; instance 1 is dead in the second
        int instance = posted.get(chat).size() < MESSAGES_BEFORE ? n % 2 : 0;
        accept(on(platform, Service.INTERACTION, instance).post(CONVERSATIONS + "/" + chat + "/messages",
                Map.of("authorRole", n % 2 == 0 ? "CUSTOMER" : "AGENT", "text", text)), 201);
        posted.get(chat).add(text);
    }

    private boolean isCall(String interactionId) {
        return calls.stream().anyMatch(c -> c.interactionId().equals(interactionId));
    }

    private int callIndex(String interactionId) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).interactionId().equals(interactionId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(interactionId);
    }

    private static void putUser(Api permission, User user, String role, List<Map<String, String>> extensions) {
        JsonNode body = permission.put("/api/users/" + user.id(), Map.of("displayName", user.name(), "role", role,
                "extensions", extensions)).expectJson(201);
        assertEquals(role, body.path("role").asText());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
