package cc.monitoring.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Services that stay silent: an ordinary request is answered 504 problem+json, a stream is closed after
 * the idle timeout (both short here; FakeUpstream never answers {@code /slow} and holds transcript
 * streams open without keep-alives).
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@TestProfile(GatewayTimeoutsTest.ShortTimeouts.class)
class GatewayTimeoutsTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rest.timeout", "500ms", "gateway.streams.idle-timeout", "500ms");
        }
    }

    @Inject
    ReverseProxy gateway;

    @Test
    void Abuse_aServiceThatDoesNotAnswerIs504ProblemJson() {
        given().get("/api/monitoring/slow").then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("urn:problem:monitoring:upstream-timeout"))
                .body("instance", equalTo("/api/monitoring/slow"));
        // and the gateway is not stuck
        given().get("/api/monitoring/interactions").then().statusCode(200);
    }

    @Test
    void B51_Abuse_aStreamWhoseServiceFallsSilentIsClosedAndItsPlaceGivenBack() {
        try (StreamClients clients = new StreamClients(RestAssured.port)) {
            clients.open("127.0.0.60", "/api/transcripts/silent/stream");
            // it opens (the hello event), then the service sends nothing: the gateway ends it
            await().atMost(Duration.ofSeconds(30)).until(() -> clients.ended.get() == 1);
            assertEquals(1, clients.open.get());
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.openStreams("127.0.0.60") == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> FakeUpstream.OPEN_STREAMS.get() == 0);
        }
    }
}
