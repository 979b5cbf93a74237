package cc.monitoring.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Routes {@code /api/...} to the services ({@link Routes}, forwarded by {@link Forwarder}), tells the
 * console how to sign in, and serves the services' API documents for the API reference ({@link ApiDocs}). Anything else is the console's static files, served by Quarkus from
 * {@code META-INF/resources}.
 *
 * <p>Two HTTP clients: one pool per service for ordinary requests, and separate connections for event
 * streams, capped per client address and in total ({@link StreamSlots}). With one shared pool (as
 * before), a user with 80 open streams held every pooled connection to monitoring-service and every
 * other request through the gateway queued behind them until the streams closed.
 */
@ApplicationScoped
public class ReverseProxy {

    private StreamSlots slots;

    void routes(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient rest = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(true)
                        .setPipelining(false)
                        .setConnectTimeout((int) config.rest().connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.rest().poolSize()).setMaxWaitQueueSize(config.rest().maxWaiting()));
        // a stream's connection that carries nothing for the idle timeout is closed (the services send
        // keep-alives; the gateway sends nothing upstream after the request, so idle = silent service)
        HttpClient streams = vertx.createHttpClient(new HttpClientOptions()
                        .setKeepAlive(false)
                        .setIdleTimeout((int) config.streams().idleTimeout().toMillis())
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        .setConnectTimeout((int) config.rest().connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.streams().maxTotal()).setMaxWaitQueueSize(config.streams().maxTotal()));
        slots = new StreamSlots(config.streams().maxPerClient(), config.streams().maxTotal());
        Map<String, URI> upstreams = new LinkedHashMap<>();
        config.upstreams().forEach((name, url) -> upstreams.put(name, URI.create(url)));
        for (Routes.Route route : Routes.ALL) {
            if (!upstreams.containsKey(route.upstream())) {
                throw new IllegalStateException("gateway.upstreams." + route.upstream() + " is not set");
            }
        }
        Forwarder forwarder = new Forwarder(rest, streams, slots, config, upstreams);

        // before Quarkus' own body-size check (order -2), which answers 413 without a body
        router.route().order(-10).handler(ctx -> {
            if (forwarder.refuseDeclaredTooLarge(ctx)) {
                return;
            }
            String path = ctx.normalizedPath();
            if (path.equals("/api") || path.startsWith("/api/")) {
                forwarder.handle(ctx);
            } else {
                ctx.next();
            }
        });
        // the API reference: /api-docs/ is a static page, its documents come from the services
        ApiDocs docs = new ApiDocs(rest, upstreams, config);
        router.get(ApiDocs.PATH + "*").order(-9).handler(docs::handle);
        // (a Vert.x route matches with or without the trailing slash: only the bare one is redirected)
        router.get("/api-docs").order(-9).handler(ctx -> {
            if (ctx.request().path().equals("/api-docs")) {
                ctx.redirect("/api-docs/");
            } else {
                ctx.next();
            }
        });
        JsonObject console = new JsonObject()
                .put("issuer", config.console().issuer())
                .put("clientId", config.console().clientId());
        router.get("/console-config.json").order(-9).handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store")
                .end(console.encode()));
    }

    /** Streams open through this gateway now (for tests and metrics). */
    public int openStreams() {
        return slots == null ? 0 : slots.open();
    }

    /** Streams open from one client address now. */
    public int openStreams(String clientAddress) {
        return slots == null ? 0 : slots.open(clientAddress);
    }
}
