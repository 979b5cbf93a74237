package cc.monitoring.interaction.api;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AgentDesktopTest {

    @Test
    void B04_loggingInAndOutPublishesAgentPresenceWithIncreasingRevisions() {
        Api api = new Api();
        api.as("sam").get("/api/agent-desktop/session").then().statusCode(200)
                .body("userId", equalTo("sam")).body("loggedIn", equalTo(false))
                .body("revision", equalTo(0)).body("changedAt", nullValue());

        api.as("sam").post("/api/agent-desktop/session").then().statusCode(200)
                .body("loggedIn", equalTo(true)).body("revision", equalTo(1)).body("changedAt", notNullValue());
        ConsumerRecord<String, String> in = Api.KAFKA.awaitRecord(Topics.AGENT_PRESENCE, about(api, "sam", 1));
        assertEquals(Topics.userKey(api.tenant, "sam"), in.key());
        CloudEvent login = EventJson.read(in.value());
        assertEquals(EventTypes.AGENT_LOGGED_IN, login.type());
        assertEquals("/interaction-service", login.source());
        assertEquals(api.tenant, login.tenantid());
        AgentPresenceChanged loggedIn = login.dataAs(AgentPresenceChanged.class);
        assertEquals(api.tenant, loggedIn.tenantId());
        assertEquals("sam", loggedIn.userId());
        assertTrue(loggedIn.loggedIn());
        assertTrue(loggedIn.at().isAfter(Instant.now().minusSeconds(60)));

        api.as("sam").delete("/api/agent-desktop/session").then().statusCode(200)
                .body("loggedIn", equalTo(false)).body("revision", equalTo(2));
        CloudEvent logout = EventJson.read(Api.KAFKA.awaitRecord(Topics.AGENT_PRESENCE, about(api, "sam", 2)).value());
        assertEquals(EventTypes.AGENT_LOGGED_OUT, logout.type());
        assertFalse(logout.dataAs(AgentPresenceChanged.class).loggedIn());
        api.as("sam").get("/api/agent-desktop/session").then().body("loggedIn", equalTo(false)).body("revision", equalTo(2));
    }

    @Test
    void loggingInTwiceIsFineAndAnnouncedOnce() {
        Api api = new Api();
        api.as("kim").post("/api/agent-desktop/session").then().statusCode(200).body("revision", equalTo(1));
        api.as("kim").post("/api/agent-desktop/session").then().statusCode(200)
                .body("loggedIn", equalTo(true)).body("revision", equalTo(1));
        api.as("kim").delete("/api/agent-desktop/session").then().statusCode(200).body("revision", equalTo(2));
        api.as("kim").delete("/api/agent-desktop/session").then().statusCode(200).body("revision", equalTo(2));

        Api.KAFKA.awaitRecord(Topics.AGENT_PRESENCE, about(api, "kim", 2));
        Api.KAFKA.assertNoRecord(Topics.AGENT_PRESENCE, about(api, "kim", 3), Duration.ofMillis(700));
        // another user of the tenant is someone else
        api.as("lee").get("/api/agent-desktop/session").then().body("loggedIn", equalTo(false));
    }

    private static Predicate<ConsumerRecord<String, String>> about(Api api, String user, long revision) {
        return r -> Topics.userKey(api.tenant, user).equals(r.key())
                && EventJson.read(r.value()).data().path("revision").asLong() == revision;
    }
}
