package cc.monitoring.monitor.api;

import cc.monitoring.testsupport.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static cc.monitoring.monitor.api.World.PATIENCE;
import static org.awaitility.Awaitility.await;

/** Issue 14: the agents view refreshes on {@code table} events; an agent's desktop login or logout is one. */
@QuarkusTest
class AgentPresenceLiveTest {

    @TestHTTPResource("/api/monitoring/stream")
    URI stream;

    @Test
    void B51_anAgentLoggingIntoOrOutOfTheDesktopRefreshesTheTable() {
        World world = new World();
        world.supervisor("sam");
        world.user("adam", List.of());
        List<String> samSees = new CopyOnWriteArrayList<>();
        CompletableFuture<?> samStream = open(world, "sam", samSees);
        try {
            await().atMost(PATIENCE).until(() -> samSees.contains("event:hello"));

            world.agentDesktop("adam", true);
            await().atMost(PATIENCE).until(() -> tableEvents(samSees) >= 1);
            long afterLogin = tableEvents(samSees);

            world.agentDesktop("adam", false);
            await().atMost(PATIENCE).until(() -> tableEvents(samSees) > afterLogin);
        } finally {
            samStream.cancel(true);
        }
    }

    private static long tableEvents(List<String> lines) {
        return lines.stream().filter("event:table"::equals).count();
    }

    private CompletableFuture<?> open(World world, String userId, List<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + Tokens.user(world.tenant, userId).sign())
                .header("Accept", "text/event-stream")
                .GET().build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.map(line -> line.replace(": ", ":")).forEach(lines::add);
                    }
                });
    }
}
