package cc.monitoring.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the services behind the gateway (a non-blocking Vert.x server, so it can hold a
 * thousand open streams): echoes what reached it, streams events, holds streams open, never answers
 * {@code /slow}. telephony points at a port where nothing listens.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    /** Streams held open by this upstream right now. */
    static final AtomicInteger OPEN_STREAMS = new AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server = vertx.createHttpServer().requestHandler(FakeUpstream::answer);
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of("gateway.upstreams.monitoring", url, "gateway.upstreams.permission", url,
                "gateway.upstreams.transcript", url, "gateway.upstreams.interaction", url,
                "gateway.upstreams.telephony", "http://127.0.0.1:" + closedPort());
    }

    private static void answer(HttpServerRequest request) {
        String path = request.path();
        HttpServerResponse response = request.response();
        if (path.equals("/api/monitoring/stream")) { // three events, then the end
            response.setChunked(true).putHeader("content-type", "text/event-stream");
            for (int i = 1; i <= 3; i++) {
                response.write("event: tick\ndata: " + i + "\n\n");
            }
            response.end();
        } else if (path.startsWith("/api/transcripts/") && path.endsWith("/stream")) { // held open, silent after hello
            OPEN_STREAMS.incrementAndGet();
            AtomicInteger counted = new AtomicInteger(1);
            Runnable closed = () -> {
                if (counted.getAndSet(0) == 1) {
                    OPEN_STREAMS.decrementAndGet();
                }
            };
            response.closeHandler(v -> closed.run());
            response.endHandler(v -> closed.run());
            response.setChunked(true).putHeader("content-type", "text/event-stream")
                    .write("event: hello\ndata: {}\n\n");
        } else if (path.equals("/api/monitoring/empty")) {
            request.body().onSuccess(body -> response.setStatusCode(204).end());
        } else if (path.equals("/api/monitoring/slow")) {
            // never answers
        } else {
            request.body().onSuccess(body -> {
                JsonObject echo = new JsonObject()
                        .put("path", request.uri())
                        .put("method", request.method().name())
                        .put("authorization", String.valueOf(request.getHeader("Authorization")))
                        .put("forwardedFor", request.headers().getAll("X-Forwarded-For"))
                        .put("requestId", request.getHeader("X-Request-Id"))
                        .put("bodyBytes", body.length());
                boolean missing = path.endsWith("/missing");
                response.setStatusCode(missing ? 404 : 200)
                        .putHeader("content-type", missing ? "application/problem+json" : "application/json")
                        .end(echo.encode());
            });
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
