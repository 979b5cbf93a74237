package cc.monitoring.monitor.api;

import cc.monitoring.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static cc.monitoring.monitor.api.World.desk;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LiveUpdatesTest {

    @TestHTTPResource("/api/monitoring/stream")
    URI stream;

    @Test
    void B51_theConsoleIsToldAtOnceWhenTheTableOrItsOwnSessionChanges() {
        World world = new World();
        world.supervisor("sam");
        world.supervisor("sue");
        List<String> samSees = new CopyOnWriteArrayList<>();
        List<String> sueSees = new CopyOnWriteArrayList<>();
        CompletableFuture<?> samStream = open(world, "sam", samSees);
        CompletableFuture<?> sueStream = open(world, "sue", sueSees);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> samSees.contains("event:hello") && sueSees.contains("event:hello"));

            World.Call call = world.call("adam", "sam");
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.contains("event:table"));

            String session = world.monitor("sam", call.interactionId(), desk("sam").address());
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.contains("data:{\"sessionId\":\"" + session + "\"}"));
            world.legConnected(call, session);
            await().atMost(Duration.ofSeconds(10)).until(() -> samSees.stream()
                    .filter(line -> line.equals("data:{\"sessionId\":\"" + session + "\"}")).count() >= 2);
            // sue sees the table change (sam now monitors) but not sam's session
            await().atMost(Duration.ofSeconds(5)).until(() -> sueSees.stream().filter("event:table"::equals).count() >= 2);
            // (the row itself lists sam's session among its monitors, as sue's table does: B10)
            assertTrue(sueSees.stream().noneMatch(line -> line.equals("data:{\"sessionId\":\"" + session + "\"}")));
        } finally {
            samStream.cancel(true);
            sueStream.cancel(true);
        }
    }

    @Test
    void B51_theTableEventNamesTheInteractionWhoseRowChanged() {
        World world = new World();
        world.supervisor("sam");
        List<String> samSees = new CopyOnWriteArrayList<>();
        CompletableFuture<?> samStream = open(world, "sam", samSees);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> samSees.contains("event:hello"));
            String row = "data:{\"interactionId\":\"%s\",\"row\":{"; // the row itself, as the table gives it (LiveRowsTest)

            World.Call call = world.call("adam", "sam");
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.stream().anyMatch(line -> line.startsWith(row.formatted(call.interactionId()))));

            // monitoring it changes the row too (monitored by sam), with the session event as before
            String session = world.monitor("sam", call.interactionId(), desk("sam").address());
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.contains("data:{\"sessionId\":\"" + session + "\"}"));
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.stream()
                    .filter(line -> line.startsWith(row.formatted(call.interactionId()))).count() >= 2);

            String chat = world.chat("anna", "sam");
            world.message(chat, 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.stream()
                    .filter(line -> line.startsWith(row.formatted(chat))).count() >= 2);
            assertTrue(samSees.stream().filter(line -> line.startsWith("data:")).allMatch(line -> line.equals("data:{}")
                    || line.startsWith("data:{\"interactionId\":\"") || line.startsWith("data:{\"sessionId\":\"")), samSees.toString());
        } finally {
            samStream.cancel(true);
        }
    }

    @Test
    void B06_anotherTenantsChangesAreNotPushed() {
        World mine = new World();
        World other = new World();
        mine.supervisor("sam");
        other.supervisor("gus");
        List<String> samSees = new CopyOnWriteArrayList<>();
        CompletableFuture<?> samStream = open(mine, "sam", samSees);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> samSees.contains("event:hello"));
            other.call("gail", "gus"); // returns once gus's table shows it: the change was pushed by then
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> !samSees.contains("event:table"));
            mine.call("adam", "sam");
            await().atMost(Duration.ofSeconds(5)).until(() -> samSees.contains("event:table"));
        } finally {
            samStream.cancel(true);
        }
    }

    @Test
    void withoutMonitorPermissionTheStreamIsRefused() throws Exception {
        World world = new World();
        world.user("anna", List.of());
        HttpResponse<String> response = HttpClient.newHttpClient().send(request(world, "anna"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    }

    private CompletableFuture<?> open(World world, String userId, List<String> lines) {
        return HttpClient.newHttpClient().sendAsync(request(world, userId), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.map(line -> line.replace(": ", ":")).forEach(lines::add);
                    }
                });
    }

    private HttpRequest request(World world, String userId) {
        return HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + Tokens.user(world.tenant, userId).sign())
                .header("Accept", "text/event-stream")
                .GET().build();
    }
}
