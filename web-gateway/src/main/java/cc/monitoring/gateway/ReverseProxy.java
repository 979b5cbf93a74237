package cc.monitoring.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

/**
 * Routes {@code /api/...} to the services with the Vert.x HTTP Proxy (streaming, so server-sent
 * events pass through), and tells the console how to sign in. Anything else is the console's
 * static files, served by Quarkus from {@code META-INF/resources}.
 */
@ApplicationScoped
public class ReverseProxy {

    void routes(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setMaxPoolSize(64)
                .setKeepAlive(true)
                .setConnectTimeout(5_000));
        for (Routes.Route route : Routes.ALL) {
            URI upstream = URI.create(config.upstreams().get(route.upstream()));
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstream.getPort(), upstream.getHost());
            router.route(route.pathPrefix()).order(-10).handler(ctx -> proxy.handle(ctx.request()));
            router.route(route.pathPrefix() + "/*").order(-10).handler(ctx -> proxy.handle(ctx.request()));
        }
        JsonObject console = new JsonObject()
                .put("issuer", config.console().issuer())
                .put("clientId", config.console().clientId());
        router.get("/console-config.json").order(-10).handler(ctx -> ctx.response()
                .putHeader("content-type", "application/json")
                .putHeader("cache-control", "no-store")
                .end(console.encode()));
    }

}
