package cc.monitoring.interaction.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.testsupport.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static cc.monitoring.interaction.api.ReadAccessTest.expectProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B35: nobody who monitors writes. Writing into conversations is for the channel platform, never for a person's
 * built-in role, and never while that identity has a live monitoring session on the conversation (learnt from
 * monitoring-events), whatever its role.
 */
@QuarkusTest
class MonitorsDoNotWriteTest {

    private static final String PLATFORM = Api.PLATFORM;
    private static final String MESSAGES = "/api/conversations/{id}/messages";

    @Test
    void B35_identityMonitoringAConversationCannotWriteToIt() {
        Api api = new Api().withChannelPlatform();
        String both = "both-" + UUID.randomUUID();
        api.grant(both, 1, "Monitoring platform", "MONITOR_ALL_CALLS", "HANDLE_CONVERSATIONS");
        String chat = ReadAccessTest.start(api, "support", "agent-1");
        String other = ReadAccessTest.start(api, "support", "agent-1");
        api.as(both).body(customer("before monitoring")).post(MESSAGES, chat).then().statusCode(201);

        String session = UUID.randomUUID().toString();
        api.monitoring(EventTypes.MONITOR_REQUESTED, session, chat, both);
        Set<String> before = tenantEventIds(api);

        expectMayNotWrite(api.as(both).body(customer("Never mind, all good!")).post(MESSAGES, chat));
        expectMayNotWrite(api.as(both).body(Map.of("authorRole", "AGENT", "authorId", "agent-1", "text", "Hi"))
                .post(MESSAGES, chat));
        expectMayNotWrite(api.as(both).post(MESSAGES, chat));
        expectMayNotWrite(api.as(both).body(Map.of("participantId", both)).post("/api/conversations/{id}/participants", chat));
        expectMayNotWrite(api.as(both).delete("/api/conversations/{id}/participants/{p}", chat, "agent-1"));
        expectMayNotWrite(api.as(both).body(Map.of("by", "CUSTOMER")).post("/api/conversations/{id}/end", chat));
        // the session is on this conversation only, and only this identity is refused
        api.as(both).body(customer("elsewhere")).post(MESSAGES, other).then().statusCode(201);
        api.as(PLATFORM).body(customer("the platform writes on")).post(MESSAGES, chat).then().statusCode(201)
                .body("sequence", equalTo(2));
        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS, r -> chat.equals(r.key())
                && !before.contains(Api.idOf(r))
                && "Never mind, all good!".equals(Api.data(r).path("text").asText()), Duration.ofMillis(500));

        // joined (the voice leg answered, or a repeat) keeps it live; mode changes change nothing
        api.monitoring(EventTypes.MONITOR_JOINED, session, chat, both);
        api.monitoring(EventTypes.MONITOR_MUTED, session, chat, both);
        expectMayNotWrite(api.as(both).body(customer("still monitoring")).post(MESSAGES, chat));

        api.monitoring(EventTypes.MONITOR_ENDED, session, chat, both);
        api.as(both).body(customer("after monitoring")).post(MESSAGES, chat).then().statusCode(201)
                .body("sequence", equalTo(3));
        // a late record of the ended session never revives it
        api.monitoring(EventTypes.MONITOR_JOINED, session, chat, both);
        api.as(both).body(customer("still after")).post(MESSAGES, chat).then().statusCode(201);
    }

    @Test
    void B35_noBuiltInRoleWritesConversations() {
        Api api = new Api().withAdministrator().withChannelPlatform();
        api.grant("sup", 1, "Supervisor", Api.SUPERVISOR);
        api.grant("agent-1", 1, "Agent");
        String chat = ReadAccessTest.start(api, "support", "agent-1");
        Set<String> before = tenantEventIds(api);

        for (String person : new String[] {api.adminId, "sup", "agent-1"}) {
            expectProblem(api.as(person).body(Map.of("channel", "CHAT", "flowId", "support", "customer", "c",
                    "agentId", "agent-1")).post("/api/conversations"), 403, "conversation-not-permitted");
            expectProblem(api.as(person).body(customer("as the customer")).post(MESSAGES, chat), 403,
                    "conversation-not-permitted");
            expectProblem(api.as(person).body(Map.of("by", "CUSTOMER")).post("/api/conversations/{id}/end", chat), 403,
                    "conversation-not-permitted");
        }
        Api.KAFKA.assertNoRecord(Topics.INTERACTION_EVENTS, r -> api.tenant.equals(Api.tenantOf(r))
                && !before.contains(Api.idOf(r)), Duration.ofMillis(500));
    }

    @Test
    void B35_aMonitoringEventThatCannotBeTrustedGoesToTheDeadLetterTopicAndGrantsNothing() {
        Api api = new Api().withChannelPlatform();
        String chat = ReadAccessTest.start(api, "support", "agent-1");
        String session = UUID.randomUUID().toString();
        // the envelope says this tenant, the payload another: applied to neither (B06)
        CloudEvent crossTenant = CloudEvent.of(EventTypes.MONITOR_REQUESTED, "/monitoring-service", api.tenant, session,
                new MonitoringEvent("someone-else", session, chat, Channel.CHAT, PLATFORM, "P", SessionState.ACTIVE, null, null,
                        null, null, null, Instant.now()));
        Api.send(Topics.MONITORING_EVENTS, chat, crossTenant);
        String notAnId = "not-an-interaction-" + UUID.randomUUID();
        Api.send(Topics.MONITORING_EVENTS, notAnId,
                api.monitoringEvent(EventTypes.MONITOR_REQUESTED, UUID.randomUUID().toString(), notAnId, PLATFORM));

        ConsumerRecord<String, String> parked = Api.KAFKA.awaitRecord(Topics.deadLetter(Topics.MONITORING_EVENTS),
                r -> chat.equals(r.key()), Duration.ofSeconds(30));
        assertTrue(TopicReader.header(parked, "dlq-reason").contains("someone-else"), TopicReader.header(parked, "dlq-reason"));
        Api.KAFKA.awaitRecord(Topics.deadLetter(Topics.MONITORING_EVENTS), r -> notAnId.equals(r.key()), Duration.ofSeconds(30));
        api.as(PLATFORM).body(customer("still writing")).post(MESSAGES, chat).then().statusCode(201);
    }

    private static Map<String, String> customer(String text) {
        return Map.of("authorRole", "CUSTOMER", "text", text);
    }

    private static void expectMayNotWrite(Response response) {
        expectProblem(response, 403, "monitor-may-not-write");
    }

    private static Set<String> tenantEventIds(Api api) {
        return Api.KAFKA.readAll(Topics.INTERACTION_EVENTS).stream()
                .filter(r -> api.tenant.equals(Api.tenantOf(r)))
                .map(r -> Api.idOf(r))
                .collect(Collectors.toSet());
    }
}
