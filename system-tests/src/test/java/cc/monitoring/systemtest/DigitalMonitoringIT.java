package cc.monitoring.systemtest;

import cc.monitoring.contracts.Topics;
import cc.monitoring.systemtest.EventStream.SseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static cc.monitoring.contracts.EventTypes.DIAL_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.HANG_UP_MONITOR_LEG;
import static cc.monitoring.contracts.EventTypes.INTERACTION_ENDED;
import static cc.monitoring.contracts.EventTypes.INTERACTION_STARTED;
import static cc.monitoring.contracts.EventTypes.MESSAGE_POSTED;
import static cc.monitoring.contracts.EventTypes.MONITOR_ENDED;
import static cc.monitoring.contracts.EventTypes.MONITOR_JOINED;
import static cc.monitoring.contracts.EventTypes.MONITOR_REQUESTED;
import static cc.monitoring.contracts.EventTypes.PARTICIPANT_JOINED;
import static cc.monitoring.contracts.EventTypes.PARTICIPANT_LEFT;
import static cc.monitoring.contracts.EventTypes.TRANSCRIPT_READ;
import static cc.monitoring.contracts.EventTypes.USER_PERMISSIONS_CHANGED;
import static cc.monitoring.contracts.Topics.INTERACTION_EVENTS;
import static cc.monitoring.contracts.Topics.MONITORING_EVENTS;
import static cc.monitoring.contracts.Topics.PERMISSION_EVENTS;
import static cc.monitoring.contracts.Topics.TELEPHONY_COMMANDS;
import static cc.monitoring.contracts.Topics.TRANSCRIPT_EVENTS;
import static cc.monitoring.systemtest.Client.awaitJson;
import static cc.monitoring.systemtest.Client.awaitStatus;
import static cc.monitoring.systemtest.Json.find;
import static cc.monitoring.systemtest.Json.only;
import static cc.monitoring.systemtest.Json.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monitoring digital interactions (chat) end to end, as clients see it: the channel platform starts a chat and
 * posts messages (interaction-service), supervisors find it in the monitoring table with its "new details" mark,
 * monitor it (monitoring-service), read its transcript by cursor and as server-sent events (transcript-service),
 * look at its details, end monitoring, and the chat ends. Every step is checked on REST and on Kafka. The steps
 * build on each other (one tenant, one story); after a failed step the rest is skipped.
 */
@ExtendWith({SystemUnderTestExtension.class, StopAfterFailedStep.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Digital monitoring across the services")
class DigitalMonitoringIT {

    private static final String SESSIONS = "/api/monitoring/sessions";
    private static final String CONVERSATIONS = "/api/conversations";
    private static final String TRANSCRIPTS = "/api/transcripts/";
    private static final Duration QUIET = Duration.ofSeconds(1);
    /**
     * B31: new messages appear at least every 10 s. The stream pushes them at once (B51); how fast is a number for the
     * benchmark (docs/benchmark.md), not a timing window for a test on a busy machine.
     */
    private static final Duration B31_BOUND = Duration.ofSeconds(10);
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(15);

    private final String tenant = Client.newTenant();
    private final String otherTenant = Client.newTenant();
    private final Events events;

    private final User alice;
    private final User sam;
    private final User sue;
    private final User adam;
    private final User anna;
    /**
     * Plays the chat channel platform: the tenant's machine identity (a service account in production), with a custom
     * role holding only HANDLE_CONVERSATIONS (set up by alice in step 1), which interaction-service requires to write
     * into chats and which no built-in role holds (B30, B35).
     */
    private final User platform;
    /** Places and hangs up calls: a machine identity with OPERATE_SIMULATOR (B07). */
    private final User phone;
    /** The other tenant's channel platform (B06). */
    private final User otherPlatform;
    private final User gina;
    private final User gus;

    private final Map<String, String> samDesk;

    /** The story so far. */
    private Chat chat;
    private Chat chat2;
    private String samSession;
    private String samSession2;
    private String sueSession;
    private Instant samJoinedAt;
    private EventStream samStream;
    private EventStream sueStream;

    DigitalMonitoringIT(Client client) {
        this.events = client.events(tenant);
        alice = client.user(tenant, "alice", "Alice Admin", "Administrator");
        sam = client.user(tenant, "sam", "Sam Sanders", "Supervisor");
        sue = client.user(tenant, "sue", "Sue Summers", "Supervisor");
        adam = client.user(tenant, "adam", "Adam Agent", "Agent");
        anna = client.user(tenant, "anna", "Anna Agent", "Agent");
        platform = Machines.channelPlatform(client, tenant);
        phone = Machines.phoneSimulator(client, tenant);
        otherPlatform = Machines.channelPlatform(client, otherTenant);
        gina = client.user(otherTenant, "gina", "Gina Admin", "Administrator");
        gus = client.user(otherTenant, "gus", "Gus Supervisor", "Supervisor");
        samDesk = Map.of("label", "Desk phone", "kind", "SIP", "address", "sip:sam@" + tenant + ".example.com");
    }

    record Chat(String interactionId, String customer, String customerName, User agent) {
    }

    @AfterAll
    void closeStreams() {
        for (EventStream s : new EventStream[]{samStream, sueStream}) {
            if (s != null) {
                s.close();
            }
        }
    }

    // ------------------------------------------------------------------ 1

    @Test
    @Order(1)
    @DisplayName("1 B01 B30 B35: an administrator sets up the tenant: supervisors sam and sue, agents, the channel platform's "
            + "account (role with HANDLE_CONVERSATIONS), a chat flow with silent monitoring")
    void step1_administratorSetsUpTheTenant() {
        JsonNode me = alice.permission().get("/api/me").expectJson(200);
        assertEquals("Administrator", me.path("role").asText(), me.toString());
        putUser(alice, sam, "Supervisor", List.of(samDesk));
        putUser(alice, sue, "Supervisor", List.of(extension("Browser", "WEBRTC", "client:sue")));
        putUser(alice, adam, "Agent", List.of(extension("Browser", "WEBRTC", "client:adam")));
        putUser(alice, anna, "Agent", List.of(extension("Browser", "WEBRTC", "client:anna")));
        // the channel platform's integration account: a role of its own that only delivers conversations (B30)
        JsonNode platformRole = alice.permission().post("/api/roles", Map.of("name", "Channel Platform",
                "permissions", List.of("HANDLE_CONVERSATIONS"))).expectJson(201);
        assertEquals(List.of("HANDLE_CONVERSATIONS"), texts(platformRole.path("permissions")));
        assertFalse(texts(sam.permission().get("/api/me").expectJson(200).path("permissions")).contains("HANDLE_CONVERSATIONS"),
                "a supervisor does not hold HANDLE_CONVERSATIONS");
        assertFalse(texts(me.path("permissions")).contains("HANDLE_CONVERSATIONS"),
                "B35: nor does an administrator: " + me);
        Machines.setUpPhoneSimulator(alice, phone);
        putUser(alice, platform, "Channel Platform", List.of());
        events.await(PERMISSION_EVENTS, USER_PERMISSIONS_CHANGED, e -> e.text("userId").equals("sue"));
        awaitJson("monitoring-service knows sam", () -> sam.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS") && j.path("extensions").size() == 1);
        awaitJson("monitoring-service knows sue", () -> sue.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));

        JsonNode flow = awaitStatus("alice may manage flows in interaction-service",
                () -> alice.interaction().put("/api/flows/chat-support", Map.of("name", "Chat support", "silentMonitoring", true)),
                201).json();
        assertTrue(flow.path("silentMonitoring").asBoolean(), flow.toString());
        // interaction-service learns the platform's permission from permission-events: then an unknown
        // conversation is 404 for it instead of 403 (and nothing is published either way)
        awaitStatus("interaction-service knows the channel platform's HANDLE_CONVERSATIONS",
                () -> platform.interaction().post(CONVERSATIONS + "/" + UUID.randomUUID() + "/end", Map.of("by", "AGENT")),
                404).expectProblem(404, "interaction-not-found");

        // another tenant, with an administrator and a supervisor of its own (B06)
        gina.permission().get("/api/me").expectJson(200);
        putUser(gina, gus, "Supervisor", List.of(extension("Desk phone", "SIP", "sip:gus@globex.example.com")));
        Machines.setUpChannelPlatform(gina, otherPlatform);
        awaitJson("monitoring-service knows gus", () -> gus.monitoring().get("/api/monitoring/me").expectJson(200),
                j -> texts(j.path("permissions")).contains("MONITOR_ALL_CALLS"));
    }

    // ------------------------------------------------------------------ 2

    @Test
    @Order(2)
    @DisplayName("2 B31: a chat starts and customer and agent post three messages: interaction-started, message-posted 1..3")
    void step2_chatStartsWithThreeMessages() {
        chat = startChat(adam, "carla@example.com", "Carla Customer");

        JsonNode m1 = post(chat, "CUSTOMER", null, "Hello, my parcel did not arrive");
        JsonNode m2 = post(chat, "AGENT", null, "Sorry to hear that, let me check");
        JsonNode m3 = post(chat, "CUSTOMER", null, "The order number is 4711");
        assertEquals(List.of(1L, 2L, 3L), List.of(m1.path("sequence").asLong(), m2.path("sequence").asLong(),
                m3.path("sequence").asLong()), "sequences count from 1 per interaction");
        assertEquals("carla@example.com", m1.path("authorId").asText(), "without authorId the customer is meant: " + m1);
        assertEquals("adam", m2.path("authorId").asText(), "without authorId the agent is meant: " + m2);

        for (JsonNode m : List.of(m1, m2, m3)) {
            Event posted = events.await(INTERACTION_EVENTS, MESSAGE_POSTED, message(chat, m.path("sequence").asLong()));
            assertEquals(chat.interactionId(), posted.key());
            assertEquals(m.path("messageId").asText(), posted.text("messageId"));
            assertEquals(m.path("authorRole").asText(), posted.text("authorRole"));
            assertEquals(m.path("text").asText(), posted.text("text"));
        }
    }

    // ------------------------------------------------------------------ 3

    @Test
    @Order(3)
    @DisplayName("3 B10 B11: the chat is in sam's monitoring table, marked with new details (for sue too)")
    void step3_chatAppearsWithNewDetails() {
        JsonNode row = awaitJson("the chat with its 3 messages in sam's table", () -> table(sam),
                t -> find(t.path("items"), "interactionId", chat.interactionId())
                        .map(r -> r.path("lastMessageSeq").asLong() == 3).orElse(false));
        row = only(row.path("items"), "interactionId", chat.interactionId());
        assertEquals("CHAT", row.path("channel").asText());
        assertEquals("ACTIVE", row.path("state").asText());
        assertEquals("adam", row.path("agentId").asText());
        assertEquals("Chat support", row.path("flowName").asText());
        assertEquals(0, row.path("monitors").size(), row.toString());
        assertTrue(row.path("monitor").path("allowed").asBoolean(), "sam may monitor it: " + row);
        assertTrue(row.path("newDetails").asBoolean(), "B11: new messages sam has not seen: " + row);

        JsonNode sueRow = only(table(sue).path("items"), "interactionId", chat.interactionId());
        assertTrue(sueRow.path("newDetails").asBoolean(), "B11: sue has not seen them either: " + sueRow);
    }

    // ------------------------------------------------------------------ 4

    @Test
    @Order(4)
    @DisplayName("4 B33 B40: sam monitors the chat with just the interaction id: ACTIVE at once, requested and joined")
    void step4_samMonitorsTheChat() {
        Reply reply = sam.monitoring().post(SESSIONS, Map.of("interactionId", chat.interactionId()));
        JsonNode session = reply.expectJson(201);
        samSession = session.path("sessionId").asText();
        assertTrue(reply.location().endsWith(SESSIONS + "/" + samSession), reply.location());
        assertEquals("ACTIVE", session.path("state").asText(), "B33: a digital session is ACTIVE at once: " + session);
        assertEquals("CHAT", session.path("channel").asText());
        assertTrue(session.path("extension").isNull() || session.path("extension").isMissingNode(),
                "no extension for a chat: " + session);
        assertFalse(session.path("joinedAt").isNull() || session.path("joinedAt").isMissingNode(), session.toString());
        samJoinedAt = Instant.parse(session.path("joinedAt").asText());

        Event requested = events.await(MONITORING_EVENTS, MONITOR_REQUESTED, session(samSession));
        assertEquals(chat.interactionId(), requested.key());
        assertEquals("sam", requested.text("supervisorId"));
        assertEquals("CHAT", requested.text("channel"));
        assertEquals("ACTIVE", requested.text("state"));
        Event joined = events.await(MONITORING_EVENTS, MONITOR_JOINED, session(samSession));
        assertEquals("ACTIVE", joined.text("state"));

        assertEquals(List.of(samSession), texts(sam.monitoring().get(SESSIONS).expectJson(200), "sessionId"));
        events.assertNone(TELEPHONY_COMMANDS, DIAL_MONITOR_LEG, session(samSession), QUIET);
    }

    // ------------------------------------------------------------------ 5

    @Test
    @Order(5)
    @DisplayName("5 B31 B30: sam reads the transcript from the first message, in order; sue, not monitoring, may not")
    void step5_samReadsTheTranscriptFromTheFirstMessage() {
        // transcript-service learns of the session from monitoring-events
        JsonNode transcript = awaitStatus("transcript-service lets sam read",
                () -> sam.transcript().get(TRANSCRIPTS + chat.interactionId()), 200).json();
        assertEquals(chat.interactionId(), transcript.path("interactionId").asText());
        assertEquals("CHAT", transcript.path("channel").asText());
        assertFalse(transcript.path("ended").asBoolean());
        JsonNode messages = transcript.path("messages");
        assertEquals(List.of("1", "2", "3"), texts(messages, "sequence"), "B31: from the first message, in order: " + transcript);
        assertEquals(List.of("CUSTOMER", "AGENT", "CUSTOMER"), texts(messages, "authorRole"));
        assertEquals(List.of("Hello, my parcel did not arrive", "Sorry to hear that, let me check", "The order number is 4711"),
                texts(messages, "text"));
        assertEquals("Adam Agent", messages.get(1).path("authorName").asText());
        assertEquals(3, transcript.path("next").asLong());

        JsonNode nothingNew = sam.transcript().get(TRANSCRIPTS + chat.interactionId() + "?after=3").expectJson(200);
        assertEquals(0, nothingNew.path("messages").size(), nothingNew.toString());
        assertEquals(3, nothingNew.path("next").asLong());
        JsonNode position = sam.transcript().get(TRANSCRIPTS + chat.interactionId() + "/position").expectJson(200);
        assertEquals(3, position.path("position").asLong(), position.toString());

        sue.transcript().get(TRANSCRIPTS + chat.interactionId()).expectProblem(403, "transcript-not-permitted");
    }

    // ------------------------------------------------------------------ 6

    @Test
    @Order(6)
    @DisplayName("6 B11: after reading, no new details for sam (transcript-read on Kafka), still new details for sue")
    void step6_readingClearsNewDetailsForTheReaderOnly() {
        Event read = events.await(TRANSCRIPT_EVENTS, TRANSCRIPT_READ,
                e -> e.text("interactionId").equals(chat.interactionId()) && e.text("userId").equals("sam"));
        assertEquals(chat.interactionId(), read.key());
        assertEquals(3, read.data().path("position").asLong(), read.toString());

        awaitJson("sam's table: no new details on the chat", () -> table(sam),
                t -> find(t.path("items"), "interactionId", chat.interactionId())
                        .map(r -> !r.path("newDetails").asBoolean()).orElse(false));
        JsonNode sueRow = only(table(sue).path("items"), "interactionId", chat.interactionId());
        assertTrue(sueRow.path("newDetails").asBoolean(), "B11: per supervisor: sue has not read it: " + sueRow);
    }

    // ------------------------------------------------------------------ 7

    @Test
    @Order(7)
    @DisplayName("7 B51 B31: sam's SSE stream sends the stored messages, then each new message as it is posted")
    void step7_newMessagesArePushedToTheStream() {
        samStream = EventStream.open(sam, Service.TRANSCRIPT, TRANSCRIPTS + chat.interactionId() + "/stream?after=0")
                .expectOpen();
        for (long seq = 1; seq <= 3; seq++) {
            SseEvent stored = samStream.await("message", STREAM_TIMEOUT);
            assertEquals(String.valueOf(seq), stored.id(), "B31: the stored messages first, in order: " + samStream.received());
            assertEquals(seq, stored.json().path("sequence").asLong());
        }

        String[][] live = {{"CUSTOMER", "Is anybody there?"}, {"AGENT", "Yes, the parcel is in the depot"},
                {"CUSTOMER", "Thanks, I will pick it up"}};
        List<Long> latenciesMillis = new ArrayList<>();
        long seq = 3;
        for (String[] m : live) {
            seq++;
            long t0 = System.nanoTime();
            JsonNode posted = post(chat, m[0], null, m[1]);
            assertEquals(seq, posted.path("sequence").asLong());
            SseEvent pushed = samStream.await("message", STREAM_TIMEOUT);
            long latency = Duration.ofNanos(pushed.receivedNanos() - t0).toMillis();
            latenciesMillis.add(latency);
            assertEquals(String.valueOf(seq), pushed.id(), "the next message, nothing skipped: " + samStream.received());
            JsonNode body = pushed.json();
            assertEquals(m[1], body.path("text").asText());
            assertEquals(m[0], body.path("authorRole").asText());
            assertEquals(posted.path("messageId").asText(), body.path("messageId").asText());
            assertTrue(latency <= B31_BOUND.toMillis(), "B31: message " + seq + " reached the stream after " + latency
                    + " ms (POST to event), more than " + B31_BOUND.toMillis() + " ms");
        }
        System.out.println("DigitalMonitoringIT: message -> SSE latencies (ms): " + latenciesMillis);

        // B11: what the stream delivered counts as read
        awaitJson("sam's table: messages seen on the stream are not new details", () -> table(sam),
                t -> find(t.path("items"), "interactionId", chat.interactionId())
                        .map(r -> r.path("lastMessageSeq").asLong() == 6 && !r.path("newDetails").asBoolean()).orElse(false));
    }

    // ------------------------------------------------------------------ 8

    @Test
    @Order(8)
    @DisplayName("8 B30: sam cannot post to the transcript (405 transcript-read-only); nothing is published")
    void step8_monitorCannotPost() {
        String text = "This is your supervisor speaking";
        Reply refused = sam.transcript().post(TRANSCRIPTS + chat.interactionId() + "/messages", Map.of("text", text));
        refused.expectProblem(405, "transcript-read-only");
        assertTrue(refused.headers().firstValue("allow").orElse("").contains("GET"), "Allow: " + refused.headers().map());
        sam.transcript().post(TRANSCRIPTS + chat.interactionId(), Map.of("text", text)).expectProblem(405, "transcript-read-only");
        sam.transcript().put(TRANSCRIPTS + chat.interactionId() + "/messages/x", Map.of("text", text))
                .expectProblem(405, "transcript-read-only");
        sam.transcript().delete(TRANSCRIPTS + chat.interactionId()).expectProblem(405, "transcript-read-only");

        events.assertNone(INTERACTION_EVENTS, MESSAGE_POSTED,
                e -> e.text("interactionId").equals(chat.interactionId())
                        && (e.data().path("sequence").asLong() > 6 || e.text("text").equals(text)), QUIET);
        JsonNode transcript = sam.transcript().get(TRANSCRIPTS + chat.interactionId() + "?after=0").expectJson(200);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), texts(transcript.path("messages"), "sequence"));
        assertTrue(samStream.received().stream().noneMatch(e -> "7".equals(e.id())), "nothing new on the stream");
    }

    // ------------------------------------------------------------------ 9

    @Test
    @Order(9)
    @DisplayName("9 B30 B35: sam, monitoring the chat, posts through interaction-service as the customer: 403 "
            + "(no HANDLE_CONVERSATIONS, and monitoring it; also as the agent, or ending it); nothing on interaction-events "
            + "or in the transcript")
    void step9_monitorCannotPostIntoTheChatAsTheCustomer() {
        JsonNode session = sam.monitoring().get(SESSIONS + "/" + samSession).expectJson(200);
        assertEquals("ACTIVE", session.path("state").asText(), "sam is monitoring the chat: " + session);
        String messages = CONVERSATIONS + "/" + chat.interactionId() + "/messages";
        String text = "Never mind, it arrived. Thanks!";

        // refused twice over: sam lacks HANDLE_CONVERSATIONS (B30) and monitors the chat (B35); either reason may answer
        JsonNode refused = sam.interaction().post(messages, Map.of("authorRole", "CUSTOMER", "text", text))
                .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
        assertFalse(refused.path("detail").asText().isBlank(), refused.toString());
        sam.interaction().post(messages, Map.of("authorRole", "CUSTOMER", "authorId", chat.customer(), "text", text))
                .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
        sam.interaction().post(messages, Map.of("authorRole", "AGENT", "authorId", chat.agent().id(), "text", text))
                .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
        sam.interaction().post(messages, Map.of("authorRole", "AGENT", "authorId", "sam", "text", text))
                .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
        sam.interaction().post(CONVERSATIONS + "/" + chat.interactionId() + "/end", Map.of("by", "CUSTOMER"))
                .expectProblemOneOf(403, "conversation-not-permitted", "monitor-may-not-write");
        // an agent of the tenant may not play the channel platform either
        adam.interaction().post(messages, Map.of("authorRole", "AGENT", "text", text))
                .expectProblem(403, "conversation-not-permitted");

        events.assertNone(INTERACTION_EVENTS, MESSAGE_POSTED, e -> e.text("interactionId").equals(chat.interactionId())
                && (e.data().path("sequence").asLong() > 6 || e.text("text").equals(text)), QUIET);
        List<Event> leftOrEnded = events.all(INTERACTION_EVENTS).stream()
                .filter(e -> e.text("interactionId").equals(chat.interactionId())
                        && (e.type().equals(PARTICIPANT_LEFT) || e.type().equals(INTERACTION_ENDED)))
                .toList();
        assertEquals(List.of(), leftOrEnded, "the chat was not ended");
        JsonNode transcript = sam.transcript().get(TRANSCRIPTS + chat.interactionId() + "?after=0").expectJson(200);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), texts(transcript.path("messages"), "sequence"), transcript.toString());
        assertFalse(texts(transcript.path("messages"), "text").contains(text), transcript.toString());
        assertFalse(transcript.path("ended").asBoolean(), transcript.toString());
        assertTrue(samStream.received().stream().noneMatch(e -> "7".equals(e.id())), "nothing new on the stream");
        JsonNode interaction = alice.interaction().get("/api/interactions/" + chat.interactionId()).expectJson(200);
        assertEquals(6, interaction.path("lastSequence").asLong(), interaction.toString());
        assertEquals("ACTIVE", interaction.path("state").asText());
    }

    // ------------------------------------------------------------------ 10

    @Test
    @Order(10)
    @DisplayName("10 B32: the details view shows Interaction Details, Active Participants (a second agent joins) and Monitors")
    void step10_detailsView() {
        JsonNode joined = platform.interaction().post(CONVERSATIONS + "/" + chat.interactionId() + "/participants",
                Map.of("participantId", "anna", "displayName", "Anna Agent", "role", "AGENT")).expectJson(201);
        assertEquals(List.of("adam", "carla@example.com", "anna"), texts(joined.path("participants"), "participantId"));
        Event annaJoined = events.await(INTERACTION_EVENTS, PARTICIPANT_JOINED,
                e -> e.text("interactionId").equals(chat.interactionId()) && e.text("participantId").equals("anna"));
        assertEquals("AGENT", annaJoined.text("role"));

        JsonNode details = awaitJson("the details view lists anna", () -> details(sam, chat),
                d -> texts(d.path("participants"), "participantId").contains("anna"));
        JsonNode interaction = details.path("details");
        assertEquals(chat.interactionId(), interaction.path("interactionId").asText());
        assertEquals("CHAT", interaction.path("channel").asText());
        assertEquals("ACTIVE", interaction.path("state").asText());
        assertEquals("adam", interaction.path("agentId").asText());
        assertEquals("Adam Agent", interaction.path("agentName").asText());
        assertEquals("carla@example.com", interaction.path("customer").asText());
        assertEquals("chat-support", interaction.path("flowId").asText());
        assertEquals("Chat support", interaction.path("flowName").asText());
        assertEquals(6, interaction.path("lastMessageSeq").asLong());
        assertFalse(interaction.path("startedAt").asText().isBlank());

        JsonNode participants = details.path("participants");
        assertEquals(List.of("adam", "carla@example.com", "anna"), texts(participants, "participantId"),
                "Active Participants, in join order: " + participants);
        assertEquals(List.of("AGENT", "CUSTOMER", "AGENT"), texts(participants, "role"));
        assertEquals(List.of("Adam Agent", "Carla Customer", "Anna Agent"), texts(participants, "displayName"));

        JsonNode monitors = details.path("monitors");
        assertEquals(List.of(samSession), texts(monitors, "sessionId"), "Interaction Monitors: " + monitors);
        JsonNode monitor = monitors.get(0);
        assertEquals("sam", monitor.path("supervisorId").asText());
        assertEquals("Sam Sanders", monitor.path("supervisorName").asText());
        assertEquals("ACTIVE", monitor.path("state").asText());
        // the start answer carries the clock's nanoseconds, the stored session PostgreSQL's (rounded) microseconds
        Instant since = Instant.parse(monitor.path("since").asText());
        assertTrue(Duration.between(samJoinedAt, since).abs().toNanos() <= 1_000,
                "since when: " + monitor + ", sam joined at " + samJoinedAt);
    }

    // ------------------------------------------------------------------ 11

    @Test
    @Order(11)
    @DisplayName("11 B33: sam monitors a second chat at the same time, and may still monitor a voice call")
    void step11_severalDigitalSessionsAndAVoiceCall() {
        chat2 = startChat(anna, "+15550100077", "Dan Customer");
        post(chat2, "CUSTOMER", null, "Can I change my delivery address?");
        awaitJson("the second chat in sam's table", () -> table(sam),
                t -> find(t.path("items"), "interactionId", chat2.interactionId())
                        .map(r -> r.path("lastMessageSeq").asLong() == 1).orElse(false));

        JsonNode second = sam.monitoring().post(SESSIONS, Map.of("interactionId", chat2.interactionId())).expectJson(201);
        samSession2 = second.path("sessionId").asText();
        assertEquals("ACTIVE", second.path("state").asText(), second.toString());
        events.await(MONITORING_EVENTS, MONITOR_JOINED, session(samSession2));
        JsonNode live = sam.monitoring().get(SESSIONS).expectJson(200);
        assertEquals(List.of(samSession, samSession2).stream().sorted().toList(),
                texts(live, "sessionId").stream().sorted().toList(), "B33: two digital sessions at once: " + live);
        JsonNode transcript2 = awaitStatus("sam reads the second transcript too",
                () -> sam.transcript().get(TRANSCRIPTS + chat2.interactionId()), 200).json();
        assertEquals(List.of("Can I change my delivery address?"), texts(transcript2.path("messages"), "text"));
        sam.transcript().get(TRANSCRIPTS + chat.interactionId() + "?after=6").expectJson(200);

        // the one-at-a-time rule is for voice only: a voice call can still be monitored on top
        JsonNode placed = phone.telephony().post("/api/telephony/calls", Map.of("flowId", "chat-support", "agentId", "adam",
                "agentName", "Adam Agent", "customerNumber", "+15550100088")).expectJson(201);
        String callId = placed.path("callId").asText();
        String voiceInteraction = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("callId").equals(callId))
                .text("interactionId");
        awaitJson("the call in sam's table", () -> table(sam),
                t -> find(t.path("items"), "interactionId", voiceInteraction).isPresent());
        JsonNode dialing = sam.monitoring().post(SESSIONS, Map.of("interactionId", voiceInteraction,
                "extension", samDesk.get("address"))).expectJson(201);
        String voiceSession = dialing.path("sessionId").asText();
        assertEquals("DIALING", dialing.path("state").asText());
        awaitJson("sam's voice session is ACTIVE", () -> sam.monitoring().get(SESSIONS + "/" + voiceSession).expectJson(200),
                s -> s.path("state").asText().equals("ACTIVE"));
        assertEquals(3, sam.monitoring().get(SESSIONS).expectJson(200).size(), "two chats and a call at once");

        // tidy up: sam hangs up, the call ends
        JsonNode hungUp = sam.monitoring().delete(SESSIONS + "/" + voiceSession).expectJson(200);
        assertEquals("SUPERVISOR_HUNG_UP", hungUp.path("endReason").asText());
        phone.telephony().post("/api/telephony/calls/" + callId + "/hangup", Map.of("by", "CUSTOMER")).expect(202);
        events.await(INTERACTION_EVENTS, INTERACTION_ENDED, e -> e.text("interactionId").equals(voiceInteraction));
        assertEquals(2, sam.monitoring().get(SESSIONS).expectJson(200).size(), "the chats are still monitored");
    }

    // ------------------------------------------------------------------ 12

    @Test
    @Order(12)
    @DisplayName("12 B06: another tenant's supervisor and administrator cannot read the transcript (404) nor see the chat")
    void step12_otherTenantSeesNothing() {
        String id = chat.interactionId();
        JsonNode problem = gus.transcript().get(TRANSCRIPTS + id).expectProblem(404, "transcript-not-found");
        JsonNode unknown = gus.transcript().get(TRANSCRIPTS + UUID.randomUUID()).expectProblem(404, "transcript-not-found");
        assertEquals(unknown.path("title").asText(), problem.path("title").asText(), "the same as an unknown id");
        gina.transcript().get(TRANSCRIPTS + id).expectProblem(404, "transcript-not-found");
        gus.transcript().get(TRANSCRIPTS + id + "/position").expectProblem(404, "transcript-not-found");
        try (EventStream stream = EventStream.open(gus, Service.TRANSCRIPT, TRANSCRIPTS + id + "/stream")) {
            assertEquals(404, stream.status(), stream.description() + ": " + stream.body());
            assertTrue(stream.contentType().startsWith("application/problem+json"), stream.contentType());
            assertTrue(stream.body().contains("transcript-not-found"), stream.body());
        }

        JsonNode gusTable = table(gus);
        assertTrue(find(gusTable.path("items"), "interactionId", id).isEmpty(), "not in gus' table: " + gusTable);
        gus.monitoring().get("/api/monitoring/interactions/" + id).expectProblem(404, "interaction-not-found");
        gus.monitoring().post(SESSIONS, Map.of("interactionId", id)).expectProblem(404, "interaction-not-found");
        gus.monitoring().get(SESSIONS + "/" + samSession).expectProblem(404, "session-not-found");
        // interaction-service's read API is for administrators and the channel platform: a supervisor is refused
        // whatever the id (B08), an administrator of another tenant finds nothing
        Reply forGus = gus.interaction().get("/api/interactions/" + id);
        forGus.expectProblemOneOf(forGus.status() == 403 ? 403 : 404, "interaction-not-found", "interactions-not-permitted");
        gina.interaction().get("/api/interactions/" + id).expectProblem(404, "interaction-not-found");
        otherPlatform.interaction().post(CONVERSATIONS + "/" + id + "/messages", Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .expectProblem(404, "interaction-not-found");
        // a person never writes (B35): refused whatever the id
        gina.interaction().post(CONVERSATIONS + "/" + id + "/messages", Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .expectProblem(403, "conversation-not-permitted");
    }

    // ------------------------------------------------------------------ 13

    @Test
    @Order(13)
    @DisplayName("13 B33 B40: sam's End Monitoring ends his session (SUPERVISOR_ENDED), his stream closes, his access goes (403)")
    void step13_endMonitoring() {
        JsonNode ended = sam.monitoring().delete(SESSIONS + "/" + samSession).expectJson(200);
        assertEquals("ENDED", ended.path("state").asText());
        assertEquals("SUPERVISOR_ENDED", ended.path("endReason").asText(), ended.toString());
        Event monitorEnded = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(samSession));
        assertEquals(chat.interactionId(), monitorEnded.key());
        assertEquals("SUPERVISOR_ENDED", monitorEnded.text("endReason"));

        SseEvent closed = samStream.await("closed", STREAM_TIMEOUT);
        assertEquals("not-permitted", closed.json().path("reason").asText(), closed.data());
        samStream.awaitCompleted(STREAM_TIMEOUT);
        awaitStatus("transcript-service takes sam's access away",
                () -> sam.transcript().get(TRANSCRIPTS + chat.interactionId()), 403)
                .expectProblem(403, "transcript-not-permitted");

        assertEquals(List.of(samSession2), texts(sam.monitoring().get(SESSIONS).expectJson(200), "sessionId"),
                "only his session on the first chat ended");
        assertEquals(0, details(sam, chat).path("monitors").size(), "nobody monitors the chat now");
        sam.transcript().get(TRANSCRIPTS + chat2.interactionId() + "?after=1").expectJson(200);
        events.assertNone(TELEPHONY_COMMANDS, HANG_UP_MONITOR_LEG, session(samSession), QUIET);

        JsonNode audit = alice.monitoring().get("/api/monitoring/audit?size=200&interaction=" + chat.interactionId())
                .expectJson(200).path("items");
        for (String[] a : new String[][]{{"START", null}, {"JOIN", null}, {"END", "SUPERVISOR_ENDED"}}) {
            assertTrue(find(audit, r -> r.path("actorId").asText().equals("sam") && r.path("action").asText().equals(a[0])
                            && r.path("sessionId").asText().equals(samSession) && r.path("outcome").asText().equals("ACCEPTED")
                            && (a[1] == null || r.path("detail").asText().startsWith(a[1]))).isPresent(),
                    "B40: audit " + a[0] + " of sam in " + audit);
        }
    }

    // ------------------------------------------------------------------ 14

    @Test
    @Order(14)
    @DisplayName("14 B25 B33: sue monitors; the chat ends: every session on it ends INTERACTION_ENDED, the stream sends ended")
    void step14_chatEndsAndEverySessionOnItEnds() {
        sueSession = sue.monitoring().post(SESSIONS, Map.of("interactionId", chat.interactionId())).expectJson(201)
                .path("sessionId").asText();
        events.await(MONITORING_EVENTS, MONITOR_JOINED, session(sueSession));
        awaitStatus("transcript-service lets sue read", () -> sue.transcript().get(TRANSCRIPTS + chat.interactionId()
                + "?after=6"), 200);
        sueStream = EventStream.open(sue, Service.TRANSCRIPT, TRANSCRIPTS + chat.interactionId() + "/stream?after=0")
                .expectOpen();
        for (long seq = 1; seq <= 6; seq++) {
            assertEquals(String.valueOf(seq), sueStream.await("message", STREAM_TIMEOUT).id(), "B31: " + sueStream.received());
        }

        JsonNode endedChat = platform.interaction().post(CONVERSATIONS + "/" + chat.interactionId() + "/end",
                Map.of("by", "CUSTOMER")).expectJson(200);
        assertEquals("ENDED", endedChat.path("state").asText());
        assertEquals("CUSTOMER", endedChat.path("endedBy").asText());
        Event interactionEnded = events.await(INTERACTION_EVENTS, INTERACTION_ENDED,
                e -> e.text("interactionId").equals(chat.interactionId()));
        assertEquals(chat.interactionId(), interactionEnded.key());
        List<String> left = events.all(INTERACTION_EVENTS).stream()
                .filter(e -> e.type().equals(PARTICIPANT_LEFT) && e.text("interactionId").equals(chat.interactionId()))
                .map(e -> e.text("participantId")).toList();
        assertEquals(List.of("adam", "carla@example.com", "anna"), left, "everyone still present leaves, in join order");

        // every session on the chat (sue's now) ends, and nothing else
        Event sueEnded = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(sueSession));
        assertEquals("INTERACTION_ENDED", sueEnded.text("endReason"));
        JsonNode sueAfter = awaitJson("sue's session ended", () -> sue.monitoring().get(SESSIONS + "/" + sueSession).expectJson(200),
                s -> s.path("state").asText().equals("ENDED"));
        assertEquals("INTERACTION_ENDED", sueAfter.path("endReason").asText(), sueAfter.toString());
        assertEquals(0, sue.monitoring().get(SESSIONS).expectJson(200).size());
        List<Event> endedOnChat = events.all(MONITORING_EVENTS).stream()
                .filter(e -> e.type().equals(MONITOR_ENDED) && e.key().equals(chat.interactionId())).toList();
        assertEquals(2, endedOnChat.size(), "sam's (earlier) and sue's: " + endedOnChat);

        SseEvent end = sueStream.await("ended", STREAM_TIMEOUT);
        assertTrue(end.json().path("ended").asBoolean(), end.data());
        assertEquals(6, end.json().path("next").asLong(), end.data());
        sueStream.awaitCompleted(STREAM_TIMEOUT);

        JsonNode row = awaitJson("the table shows the chat ended", () -> table(sam),
                t -> find(t.path("items"), "interactionId", chat.interactionId())
                        .map(r -> r.path("state").asText().equals("ENDED")).orElse(false));
        assertEquals(0, only(row.path("items"), "interactionId", chat.interactionId()).path("monitors").size());
        // sam's session on the other chat goes on
        JsonNode other = sam.monitoring().get(SESSIONS + "/" + samSession2).expectJson(200);
        assertEquals("ACTIVE", other.path("state").asText(), other.toString());

        // the second chat ends too: sam's last session ends with it
        platform.interaction().post(CONVERSATIONS + "/" + chat2.interactionId() + "/end", Map.of("by", "AGENT")).expectJson(200);
        Event samEnded2 = events.await(MONITORING_EVENTS, MONITOR_ENDED, session(samSession2));
        assertEquals("INTERACTION_ENDED", samEnded2.text("endReason"));
        awaitJson("sam has no live session", () -> sam.monitoring().get(SESSIONS).expectJson(200), j -> j.size() == 0);
    }

    // ------------------------------------------------------------------ 15

    @Test
    @Order(15)
    @DisplayName("15: no event of the tenant was parked on a dead-letter topic on the way")
    void step15_nothingWasDeadLettered() {
        events.assertNothingDeadLettered();
    }

    // ------------------------------------------------------------------ helpers

    /** The channel platform starts a chat; interaction-started and both participant-joined are published. */
    private Chat startChat(User agent, String customer, String customerName) {
        Reply reply = platform.interaction().post(CONVERSATIONS, Map.of("channel", "CHAT", "flowId", "chat-support",
                "customer", customer, "customerName", customerName, "agentId", agent.id(), "agentName", agent.name()));
        JsonNode started = reply.expectJson(201);
        String id = started.path("id").asText();
        assertTrue(reply.location().endsWith("/api/interactions/" + id), reply.location());
        assertEquals("CHAT", started.path("channel").asText());
        assertEquals("ACTIVE", started.path("state").asText());
        assertTrue(started.path("silentMonitoring").asBoolean(), "B03: the flow's toggle: " + started);
        assertEquals(List.of("AGENT", "CUSTOMER"), texts(started.path("participants"), "role"));

        Event event = events.await(INTERACTION_EVENTS, INTERACTION_STARTED, e -> e.text("interactionId").equals(id));
        assertEquals(id, event.key());
        assertEquals("CHAT", event.text("channel"));
        assertTrue(event.data().path("silentMonitoring").asBoolean(), event.toString());
        assertEquals(agent.id(), event.text("agentId"));
        assertEquals(customer, event.text("customer"));
        assertEquals("", event.text("callId"), "no call behind a chat: " + event);
        for (String participant : List.of(agent.id(), customer)) {
            events.await(INTERACTION_EVENTS, PARTICIPANT_JOINED,
                    e -> e.text("interactionId").equals(id) && e.text("participantId").equals(participant));
        }
        return new Chat(id, customer, customerName, agent);
    }

    private JsonNode post(Chat chat, String authorRole, String authorId, String text) {
        Map<String, String> body = authorId == null ? Map.of("authorRole", authorRole, "text", text)
                : Map.of("authorRole", authorRole, "authorId", authorId, "text", text);
        JsonNode message = platform.interaction().post(CONVERSATIONS + "/" + chat.interactionId() + "/messages", body)
                .expectJson(201);
        assertEquals(chat.interactionId(), message.path("interactionId").asText());
        assertEquals(text, message.path("text").asText());
        return message;
    }

    private static void putUser(User admin, User user, String role, List<Map<String, String>> extensions) {
        JsonNode body = admin.permission().put("/api/users/" + user.id(), Map.of("displayName", user.name(), "role", role,
                "extensions", extensions)).expectJson(201);
        assertEquals(role, body.path("role").asText());
    }

    private static Map<String, String> extension(String label, String kind, String address) {
        return Map.of("label", label, "kind", kind, "address", address);
    }

    private static JsonNode table(User user) {
        return user.monitoring().get("/api/monitoring/interactions?size=200").expectJson(200);
    }

    private static JsonNode details(User user, Chat chat) {
        return user.monitoring().get("/api/monitoring/interactions/" + chat.interactionId()).expectJson(200);
    }

    private static Predicate<Event> session(String sessionId) {
        return e -> e.text("sessionId").equals(sessionId);
    }

    private static Predicate<Event> message(Chat chat, long sequence) {
        return e -> e.text("interactionId").equals(chat.interactionId()) && e.data().path("sequence").asLong() == sequence;
    }
}
