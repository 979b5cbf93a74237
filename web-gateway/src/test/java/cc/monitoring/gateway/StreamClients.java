package cc.monitoring.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many event-stream clients at once, non-blocking (one thread for all), each bound to a loopback
 * address of its own choosing (127.0.0.x), so tests can play several client addresses.
 */
final class StreamClients implements AutoCloseable {

    /** What became of the streams opened so far. */
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger ended = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final Map<Integer, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();
    final List<String> refusals = new ArrayList<>();

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final int port;

    StreamClients(int port) {
        this.port = port;
    }

    /** Opens a stream from {@code fromAddress}; it counts as open once its first event arrived. */
    void open(String fromAddress, String path) {
        HttpClient client = clients.computeIfAbsent(fromAddress, address -> vertx.createHttpClient(
                new HttpClientOptions().setLocalAddress(address).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(2000)));
        client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path)
                        .addHeader("Accept", "text/event-stream"))
                .compose(request -> request.send())
                .onSuccess(response -> {
                    if (response.statusCode() != 200) {
                        refusedByStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        response.body().onSuccess(body -> {
                            synchronized (refusals) {
                                refusals.add(response.statusCode() + " " + response.getHeader("content-type") + " retry-after="
                                        + response.getHeader("retry-after") + " " + body);
                            }
                        });
                        return;
                    }
                    boolean[] first = {true};
                    response.handler((Buffer chunk) -> {
                        if (first[0]) {
                            first[0] = false;
                            open.incrementAndGet();
                        }
                    });
                    response.endHandler(v -> ended.incrementAndGet());
                    response.exceptionHandler(e -> ended.incrementAndGet());
                })
                .onFailure(e -> failed.incrementAndGet());
    }

    int refused(int status) {
        AtomicInteger n = refusedByStatus.get(status);
        return n == null ? 0 : n.get();
    }

    String lastRefusal() {
        synchronized (refusals) {
            return refusals.isEmpty() ? "" : refusals.get(refusals.size() - 1);
        }
    }

    /** Closes every connection (the clients go away). */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
