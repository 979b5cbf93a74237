package cc.monitoring.monitor.api;

import cc.monitoring.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live streams are capped per user (kit.streams.per-user, 10 by default) and give their place back when they end. */
@QuarkusTest
class LiveStreamLimitsTest {

    @TestHTTPResource("/api/monitoring/stream")
    URI stream;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void B51_Abuse_aSupervisorHoldsAtMostTenLiveStreamsAndGetsAPlaceBackWhenOneCloses() throws Exception {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                HttpResponse<InputStream> response = http.send(request(world, "sam"), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, response.statusCode());
                open.add(response.body());
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                assertEquals("event: hello", lines.readLine().replace("event:hello", "event: hello"));
            }
            HttpResponse<String> refused = http.send(request(world, "sam"), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, refused.statusCode());
            assertTrue(refused.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
            assertTrue(refused.headers().firstValue("retry-after").isPresent());
            assertTrue(refused.body().contains("\"type\":\"urn:problem:monitoring:too-many-streams\""), refused.body());

            // another supervisor is not affected
            HttpResponse<InputStream> sues = http.send(request(world, "sue"), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, sues.statusCode());
            open.add(sues.body());

            // one of sam's consoles goes away: its place is given back
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                HttpResponse<InputStream> again = http.send(request(world, "sam"), HttpResponse.BodyHandlers.ofInputStream());
                again.body().close();
                return again.statusCode() == 200;
            });
        } finally {
            for (InputStream body : open) {
                body.close();
            }
        }
    }

    private HttpRequest request(World world, String userId) {
        return HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + Tokens.user(world.tenant, userId).sign())
                .header("Accept", "text/event-stream")
                .GET().build();
    }
}
