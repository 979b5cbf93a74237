package cc.monitoring.interaction.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chats, SMS and messaging as the channel platform reports them over REST, read back from Kafka. */
@QuarkusTest
class DigitalConversationsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PLATFORM = Api.PLATFORM;

    @Test
    void B03_aChatStartsWithInteractionStartedWithoutCallIdThenTheAgentAndTheCustomerJoined() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        api.asAdmin().body(Api.flow("Web chat", false)).put("/api/flows/{f}", "webchat").then().statusCode(201);

        JsonPath body = api.as(PLATFORM).body(Map.of("channel", "CHAT", "flowId", "webchat", "customer", "visitor-1",
                        "customerName", "Vera Visitor", "agentId", "agent-7", "agentName", "Ada Agent"))
                .post("/api/conversations").then().statusCode(201).contentType(ContentType.JSON)
                .body("channel", equalTo("CHAT")).body("state", equalTo("ACTIVE")).body("callId", nullValue())
                .body("silentMonitoring", equalTo(false)).body("lastSequence", equalTo(0))
                .body("participants.displayName", contains("Ada Agent", "Vera Visitor"))
                .extract().jsonPath();
        String id = body.getString("id");
        Instant at = Instant.parse(body.getString("startedAt"));

        api.awaitInteractionEvent(EventTypes.PARTICIPANT_JOINED,
                r -> id.equals(r.key()) && "CUSTOMER".equals(Api.data(r).path("role").asText()));
        List<CloudEvent> events = api.eventsOf(id);
        assertEquals(List.of(EventTypes.INTERACTION_STARTED, EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_JOINED),
                types(events));
        assertEquals(new InteractionStarted(api.tenant, id, Channel.CHAT, "webchat", "Web chat", false, "agent-7",
                "Ada Agent", "visitor-1", null, at), events.get(0).dataAs(InteractionStarted.class));
        assertEquals(new ParticipantChanged(api.tenant, id, "agent-7", ParticipantRole.AGENT, "Ada Agent", at),
                events.get(1).dataAs(ParticipantChanged.class));
        assertEquals(new ParticipantChanged(api.tenant, id, "visitor-1", ParticipantRole.CUSTOMER, "Vera Visitor", at),
                events.get(2).dataAs(ParticipantChanged.class));
        assertEquals(api.tenant, events.get(0).tenantid());
        assertEquals(id, events.get(0).subject());

        api.as(PLATFORM).get("/api/interactions/{id}", id).then().statusCode(200)
                .body("channel", equalTo("CHAT")).body("customer", equalTo("visitor-1"))
                .body("silentMonitoring", equalTo(false));
        api.as(PLATFORM).queryParam("channel", "CHAT").get("/api/interactions").then().body("total", equalTo(1));
        // the flow's toggle is off: an administrator does not see it at all (B08)
        expectProblem(api.asAdmin().get("/api/interactions/{id}", id), 404, "interaction-not-found");
        api.asAdmin().queryParam("channel", "CHAT").get("/api/interactions").then().body("total", equalTo(0));
    }

    @Test
    void messagesFromTheCustomerAndTheAgentArePublishedWithSequencesFromOneInOrderOnOnePartition() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        String id = start(api, "SMS", "+14155550123", "agent-3");
        List<Map<String, String>> sent = List.of(
                Map.of("authorRole", "CUSTOMER", "text", "Hi, my parcel is late"),
                Map.of("authorRole", "AGENT", "authorId", "agent-3", "text", "Sorry to hear that!\nWhich order?"),
                Map.of("authorRole", "CUSTOMER", "authorId", "+14155550123", "text", "Order 4711 — ünïcødé 😀"));
        List<JsonPath> answers = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            answers.add(api.as(PLATFORM).body(sent.get(i)).post("/api/conversations/{id}/messages", id)
                    .then().statusCode(201).contentType(ContentType.JSON)
                    .body("sequence", equalTo(i + 1)).body("interactionId", equalTo(id))
                    .body("messageId", notNullValue()).extract().jsonPath());
        }

        ConsumerRecord<String, String> last = awaitMessage(api, id, 3);
        List<ConsumerRecord<String, String>> records = messageRecords(id);
        assertEquals(3, records.size());
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            assertEquals(last.partition(), record.partition(), "one key, one partition");
            JsonPath answer = answers.get(i);
            MessagePosted expected = new MessagePosted(api.tenant, id, answer.getString("messageId"), i + 1,
                    ParticipantRole.valueOf(sent.get(i).get("authorRole")), answer.getString("authorId"),
                    answer.getString("authorName"), sent.get(i).get("text"), Instant.parse(answer.getString("postedAt")));
            assertEquals(expected, cc.monitoring.contracts.EventJson.read(record.value()).dataAs(MessagePosted.class));
            assertEquals(EventTypes.MESSAGE_POSTED, Api.typeOf(record));
        }
        assertEquals(List.of("+14155550123", "agent-3", "+14155550123"),
                answers.stream().map(a -> a.getString("authorId")).toList(), "authorId defaults to the customer");
        assertEquals("Agent agent-3", answers.get(1).getString("authorName"));
        assertEquals(List.of(EventTypes.INTERACTION_STARTED, EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_JOINED,
                EventTypes.MESSAGE_POSTED, EventTypes.MESSAGE_POSTED, EventTypes.MESSAGE_POSTED), types(api.eventsOf(id)));

        api.as(PLATFORM).get("/api/interactions/{id}/messages", id).then().statusCode(200)
                .body("sequence", contains(1, 2, 3))
                .body("text", contains(sent.stream().map(m -> m.get("text")).toArray()));
        api.as(PLATFORM).queryParam("after", 2).get("/api/interactions/{id}/messages", id).then()
                .body("sequence", contains(3));
        api.as(PLATFORM).get("/api/interactions/{id}", id).then().body("lastSequence", equalTo(3));
    }

    @Test
    void twentyConcurrentPostsGetSequencesOneToTwentyOnceEachAndKafkaOrderIsSequenceOrder() throws Exception {
        Api api = new Api().withAdministrator().withChannelPlatform();
        String id = start(api, "MESSAGING", "wa:+4915112345678", "agent-5");
        int posts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < posts; i++) {
                String role = i % 2 == 0 ? "CUSTOMER" : "AGENT";
                String text = "message " + i;
                var request = api.as(PLATFORM).body(Map.of("authorRole", role, "text", text));
                answers.add(pool.submit(() -> {
                    go.await();
                    return request.post("/api/conversations/{id}/messages", id);
                }));
            }
            go.countDown();
            List<Long> sequences = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                sequences.add(response.jsonPath().getLong("sequence"));
            }
            assertEquals(LongStream.rangeClosed(1, posts).boxed().collect(Collectors.toSet()), Set.copyOf(sequences));
            assertEquals(posts, sequences.size(), "each sequence exactly once");
        } finally {
            pool.shutdownNow();
        }

        awaitMessage(api, id, posts);
        List<ConsumerRecord<String, String>> records = messageRecords(id);
        assertEquals(LongStream.rangeClosed(1, posts).boxed().toList(),
                records.stream().map(r -> Api.data(r).path("sequence").asLong()).toList(),
                "published once each, in sequence order");
        assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count());
        api.as(PLATFORM).queryParam("limit", 200).get("/api/interactions/{id}/messages", id).then()
                .body("sequence", contains(LongStream.rangeClosed(1, posts).boxed().map(Long::intValue).toArray()));
    }

    @Test
    void anotherAgentJoinsAndLeavesWithParticipantEventsAndTheLastAgentCannotLeave() {
        Api api = new Api().withChannelPlatform();
        String id = start(api, "CHAT", "visitor-2", "agent-1");

        api.as(PLATFORM).body(Map.of("participantId", "agent-2", "displayName", "Bo Backup", "role", "AGENT"))
                .post("/api/conversations/{id}/participants", id).then().statusCode(201)
                .body("participants.participantId", contains("agent-1", "visitor-2", "agent-2"));
        api.as(PLATFORM).body(Map.of("participantId", "agent-2", "displayName", "Bo Backup"))
                .post("/api/conversations/{id}/participants", id).then().statusCode(200)
                .body("participants.size()", equalTo(3));
        api.as(PLATFORM).body(Map.of("authorRole", "AGENT", "authorId", "agent-2", "text", "Bo here"))
                .post("/api/conversations/{id}/messages", id).then().statusCode(201).body("authorName", equalTo("Bo Backup"));
        api.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "agent-1").then().statusCode(200)
                .body("participants.find { it.participantId == 'agent-1' }.leftAt", notNullValue());
        expectProblem(api.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "agent-1"), 409,
                "not-a-participant");
        expectProblem(api.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "agent-2"), 409, "last-agent");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "AGENT", "text", "it's agent-1"))
                .post("/api/conversations/{id}/messages", id), 409, "not-a-participant");

        ConsumerRecord<String, String> left = api.awaitInteractionEvent(EventTypes.PARTICIPANT_LEFT, r -> id.equals(r.key()));
        ParticipantChanged agentLeft = cc.monitoring.contracts.EventJson.read(left.value()).dataAs(ParticipantChanged.class);
        assertEquals(new ParticipantChanged(api.tenant, id, "agent-1", ParticipantRole.AGENT, "Agent agent-1",
                agentLeft.at()), agentLeft);
        List<CloudEvent> events = api.eventsOf(id);
        assertEquals(List.of(EventTypes.INTERACTION_STARTED, EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_JOINED,
                EventTypes.PARTICIPANT_JOINED, EventTypes.MESSAGE_POSTED, EventTypes.PARTICIPANT_LEFT), types(events));
        ParticipantChanged joined = events.get(3).dataAs(ParticipantChanged.class);
        assertEquals(new ParticipantChanged(api.tenant, id, "agent-2", ParticipantRole.AGENT, "Bo Backup", joined.at()),
                joined);

        // agent-1 comes back: a new stint, announced again
        api.as(PLATFORM).body(Map.of("participantId", "agent-1", "displayName", "Agent agent-1"))
                .post("/api/conversations/{id}/participants", id).then().statusCode(201)
                .body("participants.participantId", contains("agent-1", "visitor-2", "agent-2", "agent-1"));
        api.awaitInteractionEvent(EventTypes.PARTICIPANT_JOINED, r -> id.equals(r.key()) && r.offset() > left.offset()
                && "agent-1".equals(Api.data(r).path("participantId").asText()));
    }

    @Test
    void endingPublishesParticipantLeftForThosePresentThenInteractionEndedAndLaterPostsAreRefused() {
        Api api = new Api().withChannelPlatform();
        String id = start(api, "CHAT", "visitor-3", "agent-1");
        api.as(PLATFORM).body(Map.of("participantId", "agent-2")).post("/api/conversations/{id}/participants", id)
                .then().statusCode(201);
        api.as(PLATFORM).body(Map.of("participantId", "agent-3")).post("/api/conversations/{id}/participants", id)
                .then().statusCode(201);
        api.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "agent-2").then().statusCode(200);

        JsonPath ended = api.as(PLATFORM).body(Map.of("by", "CUSTOMER")).post("/api/conversations/{id}/end", id)
                .then().statusCode(200).body("state", equalTo("ENDED")).body("endedBy", equalTo("CUSTOMER"))
                .extract().jsonPath();
        Instant endedAt = Instant.parse(ended.getString("endedAt"));
        ConsumerRecord<String, String> endRecord = api.awaitInteractionEvent(EventTypes.INTERACTION_ENDED,
                r -> id.equals(r.key()));

        List<CloudEvent> events = api.eventsOf(id);
        List<CloudEvent> tail = events.subList(events.size() - 4, events.size());
        assertEquals(List.of(EventTypes.PARTICIPANT_LEFT, EventTypes.PARTICIPANT_LEFT, EventTypes.PARTICIPANT_LEFT,
                EventTypes.INTERACTION_ENDED), types(tail));
        assertEquals(List.of("agent-1", "visitor-3", "agent-3"), tail.subList(0, 3).stream()
                .map(e -> e.dataAs(ParticipantChanged.class)).map(ParticipantChanged::participantId).toList(),
                "those still present, in the order they joined; agent-2 had left already");
        assertTrue(tail.subList(0, 3).stream().allMatch(e -> endedAt.equals(e.dataAs(ParticipantChanged.class).at())));
        assertEquals(new InteractionEnded(api.tenant, id, Channel.CHAT, EndedBy.CUSTOMER, endedAt),
                tail.get(3).dataAs(InteractionEnded.class));
        assertEquals(10, events.size(), "started, joined ×2, joined ×2, left, left ×3, ended");

        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "AGENT", "text", "Are you still there?"))
                .post("/api/conversations/{id}/messages", id), 409, "interaction-ended");
        expectProblem(api.as(PLATFORM).body(Map.of("participantId", "agent-9"))
                .post("/api/conversations/{id}/participants", id), 409, "interaction-ended");
        expectProblem(api.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "agent-3"), 409,
                "interaction-ended");
        // ending again is idempotent: 200 with the conversation as it ended, nothing published
        api.as(PLATFORM).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", id).then().statusCode(200)
                .body("endedBy", equalTo("CUSTOMER")).body("endedAt", equalTo(ended.getString("endedAt")));
        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS,
                r -> id.equals(r.key()) && r.offset() > endRecord.offset(), Duration.ofMillis(500));
        assertEquals(10, api.eventsOf(id).size());
    }

    @Test
    void badInputGetsAProblemWithAStableTypeChangesNothingAndPublishesNothing() throws Exception {
        Api api = new Api().withAdministrator().withChannelPlatform();
        String id = start(api, "CHAT", "visitor-4", "agent-1");
        String ended = start(api, "SMS", "+15550001", "agent-1");
        api.as(PLATFORM).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", ended).then().statusCode(200);
        api.awaitInteractionEvent(EventTypes.INTERACTION_ENDED, r -> ended.equals(r.key()));
        String voice = api.startCall("call-" + UUID.randomUUID(), "sales", "agent-1");
        api.awaitInteractionEvent(EventTypes.PARTICIPANT_JOINED,
                r -> voice.equals(r.key()) && "CUSTOMER".equals(Api.data(r).path("role").asText()));
        Set<String> before = tenantEventIds(api);

        // starting
        Map<String, String> good = Map.of("channel", "CHAT", "flowId", "webchat", "customer", "v", "agentId", "a");
        expectProblem(startWith(api, good, "channel", "VOICE"), 400, "invalid-conversation");
        expectProblem(startWith(api, good, "channel", "FAX"), 400, "invalid-conversation");
        expectProblem(startWith(api, good, "flowId", "bad flow!"), 400, "invalid-conversation");
        expectProblem(startWith(api, good, "customer", " "), 400, "invalid-conversation");
        expectProblem(startWith(api, good, "agentId", "x".repeat(201)), 400, "invalid-conversation");
        expectProblem(startWith(api, good, "agentName", "nul\u0000"), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).body("{\"channel\": \"CHAT\", ").post("/api/conversations"), 400, "malformed-json");
        expectProblem(api.as(PLATFORM).body("[]").post("/api/conversations"), 400, "malformed-json");
        expectProblem(api.as(PLATFORM).post("/api/conversations"), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).contentType(ContentType.TEXT).body("channel=CHAT").post("/api/conversations"),
                415, "unsupported-media-type");

        // messages
        String messages = "/api/conversations/{id}/messages";
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post(messages, UUID.randomUUID()), 404, "interaction-not-found");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post(messages, "not-a-uuid"), 404, "interaction-not-found");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post(messages, ended), 409, "interaction-ended");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post(messages, voice), 409, "voice-interaction");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", ""))
                .post(messages, id), 400, "invalid-message");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "   \n"))
                .post(messages, id), 400, "invalid-message");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER"))
                .post(messages, id), 400, "invalid-message");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "x".repeat(4001)))
                .post(messages, id), 400, "invalid-message");
        RawAnswer tooLarge = postOneMegabyte(api, "/api/conversations/" + id + "/messages");
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.contentType().startsWith(PROBLEM), tooLarge.contentType());
        assertEquals("urn:problem:monitoring:payload-too-large", new JsonPath(tooLarge.body()).getString("type"));
        expectProblem(api.as(PLATFORM).contentType(ContentType.TEXT).body("hello")
                .post(messages, id), 415, "unsupported-media-type");
        expectProblem(api.as(PLATFORM).body("{\"authorRole\": \"CUSTOMER\", \"text\": \"hi\"")
                .post(messages, id), 400, "malformed-json");
        expectProblem(api.as(PLATFORM).body("{\"authorRole\": \"CUSTOMER\", \"text\": {\"a\": 1}}")
                .post(messages, id), 400, "malformed-json");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "SUPERVISOR", "text", "hi"))
                .post(messages, id), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "authorId", "someone-else", "text", "hi"))
                .post(messages, id), 409, "not-a-participant");
        expectProblem(api.as(PLATFORM).body(Map.of("authorRole", "AGENT", "authorId", "agent-99", "text", "hi"))
                .post(messages, id), 409, "not-a-participant");

        // participants and the end
        expectProblem(api.as(PLATFORM).body(Map.of("participantId", "cust-2", "role", "CUSTOMER"))
                .post("/api/conversations/{id}/participants", id), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of("displayName", "Nobody"))
                .post("/api/conversations/{id}/participants", id), 400, "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of("participantId", "agent-2"))
                .post("/api/conversations/{id}/participants", voice), 409, "voice-interaction");
        expectProblem(api.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "nobody"), 409,
                "not-a-participant");
        expectProblem(api.as(PLATFORM).body(Map.of("by", "SYSTEM")).post("/api/conversations/{id}/end", id), 400,
                "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of()).post("/api/conversations/{id}/end", id), 400,
                "invalid-conversation");
        expectProblem(api.as(PLATFORM).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", voice), 409,
                "voice-interaction");
        expectProblem(api.as(PLATFORM).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", UUID.randomUUID()),
                404, "interaction-not-found");
        expectProblem(api.as(PLATFORM).get("/api/conversations/{id}/end", id), 405, "method-not-allowed");
        io.restassured.RestAssured.given().body(Map.of("by", "AGENT")).contentType(ContentType.JSON)
                .post("/api/conversations/{id}/end", id).then().statusCode(401).contentType(PROBLEM);

        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS, r -> api.tenant.equals(Api.tenantOf(r))
                && !before.contains(Api.idOf(r)), Duration.ofMillis(500));
        api.as(PLATFORM).get("/api/interactions").then().body("total", equalTo(3));
        api.as(PLATFORM).get("/api/interactions/{id}", id).then().body("state", equalTo("ACTIVE"))
                .body("lastSequence", equalTo(0)).body("participants.size()", equalTo(2));
        api.as(PLATFORM).get("/api/interactions/{id}/messages", id).then().statusCode(200).body("size()", equalTo(0));
        expectProblem(api.as(PLATFORM).queryParam("limit", 0).get("/api/interactions/{id}/messages", id), 400, "invalid-query");
    }

    @Test
    void B06_anotherTenantsConversationIsNotFoundAndStaysUntouched() {
        Api a = new Api().withAdministrator().withChannelPlatform();
        Api b = new Api().withAdministrator().withChannelPlatform();
        String id = start(a, "CHAT", "visitor-5", "agent-1");
        a.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hello A")).post("/api/conversations/{id}/messages", id)
                .then().statusCode(201);
        awaitMessage(a, id, 1);

        Set<String> published = a.eventsOf(id).stream().map(CloudEvent::id).collect(Collectors.toSet());
        expectProblem(b.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hello from B"))
                .post("/api/conversations/{id}/messages", id), 404, "interaction-not-found");
        expectProblem(b.as(PLATFORM).body(Map.of("participantId", "agent-b"))
                .post("/api/conversations/{id}/participants", id), 404, "interaction-not-found");
        expectProblem(b.as(PLATFORM).delete("/api/conversations/{id}/participants/{p}", id, "agent-1"), 404,
                "interaction-not-found");
        expectProblem(b.as(PLATFORM).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", id), 404,
                "interaction-not-found");
        expectProblem(b.as(PLATFORM).get("/api/interactions/{id}/messages", id), 404, "interaction-not-found");
        expectProblem(b.as(PLATFORM).get("/api/interactions/{id}", id), 404, "interaction-not-found");
        // the same user id with the other tenant's claim is nobody there: it holds no permission in b
        expectProblem(b.as(a.adminId).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", id), 403,
                "conversation-not-permitted");

        assertEquals(4, published.size(), "started, joined ×2, one message");
        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS,
                r -> id.equals(r.key()) && !published.contains(Api.idOf(r)), Duration.ofMillis(500));
        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS, r -> b.tenant.equals(Api.tenantOf(r)),
                Duration.ofMillis(500));
        a.as(PLATFORM).get("/api/interactions/{id}", id).then().body("state", equalTo("ACTIVE"))
                .body("lastSequence", equalTo(1)).body("participants.size()", equalTo(2));
    }

    @Test
    @DisplayName("B30 a supervisor cannot post into a conversation it monitors (as the customer or the agent), nor start, "
            + "join, leave or end one: 403 conversation-not-permitted, nothing published")
    void B30_aSupervisorCannotPostIntoAConversationNorStartOrEndOne() {
        Api api = new Api().withChannelPlatform();
        String id = start(api, "CHAT", "visitor-6", "agent-1");
        api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "Where is my parcel?"))
                .post("/api/conversations/{id}/messages", id).then().statusCode(201).body("sequence", equalTo(1));
        awaitMessage(api, id, 1);
        String supervisor = "supervisor-" + UUID.randomUUID();
        api.grant(supervisor, 1, "Supervisor", "MONITOR_ALL_CALLS", "BARGE_ALL_CALLS", "COACH_CALLS");
        String agent = "agent-1";
        api.grant(agent, 1, "Agent");
        // a supervisor reads the conversation through a monitoring session (transcript-service, B34), not here
        expectProblem(api.as(supervisor).get("/api/interactions/{id}/messages", id), 403, "interactions-not-permitted");
        Set<String> before = tenantEventIds(api);

        String messages = "/api/conversations/{id}/messages";
        expectNotPermitted(api.as(supervisor).body(Map.of("authorRole", "CUSTOMER", "text", "Never mind, all good!"))
                .post(messages, id));
        expectNotPermitted(api.as(supervisor).body(Map.of("authorRole", "CUSTOMER", "authorId", "visitor-6",
                "text", "Never mind, all good!")).post(messages, id));
        expectNotPermitted(api.as(supervisor).body(Map.of("authorRole", "AGENT", "authorId", "agent-1",
                "text", "This is your agent speaking")).post(messages, id));
        expectNotPermitted(api.as(supervisor).body(Map.of("authorRole", "AGENT", "authorId", supervisor, "text", "Hi"))
                .post(messages, id));
        expectNotPermitted(api.as(supervisor).post(messages, id));
        expectNotPermitted(api.as(supervisor).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post(messages, UUID.randomUUID()));
        expectNotPermitted(api.as(supervisor).body(Map.of("channel", "CHAT", "flowId", "sneaky", "customer", "v",
                "agentId", "a")).post("/api/conversations"));
        expectNotPermitted(api.as(supervisor).body(Map.of("participantId", supervisor, "role", "AGENT"))
                .post("/api/conversations/{id}/participants", id));
        expectNotPermitted(api.as(supervisor).delete("/api/conversations/{id}/participants/{p}", id, "agent-1"));
        expectNotPermitted(api.as(supervisor).body(Map.of("by", "CUSTOMER")).post("/api/conversations/{id}/end", id));
        // the conversation's own agent, a user nobody heard of, and a token claiming the group or the permission
        // do not count either: permissions come from permission-events only
        expectNotPermitted(api.as(agent).body(Map.of("authorRole", "AGENT", "text", "Hello")).post(messages, id));
        expectNotPermitted(api.as("stranger").body(Map.of("authorRole", "CUSTOMER", "text", "Hello")).post(messages, id));
        expectNotPermitted(api.asWithGroups(supervisor, "Administrator", "HANDLE_CONVERSATIONS")
                .body(Map.of("authorRole", "CUSTOMER", "text", "Hello")).post(messages, id));

        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS, r -> api.tenant.equals(Api.tenantOf(r))
                && !before.contains(Api.idOf(r)), Duration.ofMillis(500));
        api.as(PLATFORM).get("/api/interactions/{id}", id).then().statusCode(200).body("state", equalTo("ACTIVE"))
                .body("lastSequence", equalTo(1)).body("participants.participantId", contains("agent-1", "visitor-6"));
        api.as(PLATFORM).get("/api/interactions/{id}/messages", id).then().body("text", contains("Where is my parcel?"));
        api.as(PLATFORM).get("/api/interactions").then().body("total", equalTo(1));
        expectProblem(api.as(supervisor).get("/api/flows/{f}", "sneaky"), 404, "flow-not-found");
    }

    @Test
    void theChannelPlatformsPermissionComesFromPermissionEventsAndGoesWithThem() {
        Api api = new Api().withChannelPlatform();
        String id = start(api, "SMS", "+15550002", "agent-1");
        api.grant(PLATFORM, 2, "Agent");
        expectNotPermitted(api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post("/api/conversations/{id}/messages", id));
        api.grant(PLATFORM, 3, "Channel Platform", "HANDLE_CONVERSATIONS");
        api.as(PLATFORM).body(Map.of("authorRole", "CUSTOMER", "text", "hi"))
                .post("/api/conversations/{id}/messages", id).then().statusCode(201).body("sequence", equalTo(1));
        api.remove(PLATFORM, 4);
        expectNotPermitted(api.as(PLATFORM).body(Map.of("by", "AGENT")).post("/api/conversations/{id}/end", id));
    }

    // --- helpers --------------------------------------------------------------------------

    private static void expectNotPermitted(Response response) {
        expectProblem(response, 403, "conversation-not-permitted");
        response.then().body("detail", org.hamcrest.Matchers.containsString("HANDLE_CONVERSATIONS"));
    }

    /** Starts a conversation on flow "support" and waits until its customer joined on Kafka. */
    private static String start(Api api, String channel, String customer, String agentId) {
        String id = api.as(PLATFORM).body(Map.of("channel", channel, "flowId", "support", "customer", customer,
                        "agentId", agentId, "agentName", "Agent " + agentId))
                .post("/api/conversations").then().statusCode(201).extract().path("id");
        api.awaitInteractionEvent(EventTypes.PARTICIPANT_JOINED,
                r -> id.equals(r.key()) && "CUSTOMER".equals(Api.data(r).path("role").asText()));
        return id;
    }

    private static Response startWith(Api api, Map<String, String> good, String field, String value) {
        Map<String, String> body = new java.util.HashMap<>(good);
        body.put(field, value);
        return api.as(PLATFORM).body(body).post("/api/conversations");
    }

    private static ConsumerRecord<String, String> awaitMessage(Api api, String id, long sequence) {
        return api.awaitInteractionEvent(EventTypes.MESSAGE_POSTED,
                r -> id.equals(r.key()) && Api.data(r).path("sequence").asLong() == sequence);
    }

    /** The message-posted records of one interaction in the order Kafka holds them. */
    private static List<ConsumerRecord<String, String>> messageRecords(String id) {
        return Api.KAFKA.readAll(Topics.INTERACTION_EVENTS).stream()
                .filter(r -> id.equals(r.key()))
                .filter(r -> EventTypes.MESSAGE_POSTED.equals(Api.typeOf(r)))
                .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    private static Set<String> tenantEventIds(Api api) {
        return Api.KAFKA.readAll(Topics.INTERACTION_EVENTS).stream()
                .filter(r -> api.tenant.equals(Api.tenantOf(r)))
                .map(r -> Api.idOf(r))
                .collect(Collectors.toSet());
    }

    record RawAnswer(int status, String contentType, String body) {
    }

    /**
     * Posts a 1 MB JSON body over a plain socket. The service refuses it from the Content-Length alone and may
     * close the connection before the body is through, which a regular client reports as a broken pipe
     * instead of the answer; here the answer is read whatever happens to the rest of the body.
     */
    private static RawAnswer postOneMegabyte(Api api, String path) throws java.io.IOException {
        return postRaw(api, path, 1_000_000);
    }

    /** Posts a JSON body of {@code length} bytes over a plain socket as the channel platform; see above. */
    static RawAnswer postRaw(Api api, String path, int length) throws java.io.IOException {
        String token = cc.monitoring.testsupport.Tokens.user(api.tenant, PLATFORM).sign();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] body = ("{\"authorRole\": \"CUSTOMER\", \"text\": \"" + "x".repeat(length - 40)).getBytes();
            body = java.util.Arrays.copyOf(body, length);
            java.util.Arrays.fill(body, length - 2, length, (byte) '"');
            body[length - 1] = '}';
            try {
                for (int offset = 0; offset < length; offset += 65_536) {
                    out.write(body, offset, Math.min(65_536, length - offset));
                }
                out.flush();
            } catch (java.io.IOException refusedEarly) {
                // the answer came before the body was through; read it below
            }
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String contentType = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).trim()).findFirst().orElse("");
            return new RawAnswer(Integer.parseInt(head.split(" ")[1]), contentType,
                    answer.substring(head.length() + 4));
        }
    }

    private static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::type).toList();
    }

    private static void expectProblem(Response response, int status, String type) {
        response.then().statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:problem:monitoring:" + type))
                .body("status", equalTo(status))
                .body("detail", notNullValue());
    }
}
