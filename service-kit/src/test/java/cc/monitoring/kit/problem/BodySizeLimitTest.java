package cc.monitoring.kit.problem;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's body-size check on a bare Vert.x router (as in every service, where it runs before Quarkus' own). */
class BodySizeLimitTest {

    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().order(-100).handler(new BodySizeLimit(256 * 1024));
        router.route().handler(ctx -> ctx.request().body().onSuccess(body ->
                ctx.response().putHeader("content-type", "application/json").end("{\"bytes\":" + body.length() + "}")));
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void Abuse_aTenMegabyteBodyIs413ProblemJsonNotAnEmptyAnswer() throws Exception {
        HttpResponse<String> answer = post(new byte[10 * 1024 * 1024]);
        assertEquals(413, answer.statusCode());
        assertEquals(Problem.MEDIA_TYPE, answer.headers().firstValue("content-type").orElse(""));
        assertTrue(answer.body().contains("\"type\":\"urn:problem:monitoring:payload-too-large\""), answer.body());
        assertTrue(answer.body().contains("\"instance\":\"/api/things\""), answer.body());
    }

    @Test
    void aBodyWithinTheLimitPasses() throws Exception {
        HttpResponse<String> answer = post(new byte[256 * 1024]);
        assertEquals(200, answer.statusCode());
        assertEquals("{\"bytes\":262144}", answer.body());
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/things"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
