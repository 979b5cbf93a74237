package cc.monitoring.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API reference (issue 12): {@code /api-docs/} is a page of the gateway's own (static, no CDN) that reads
 * every service's OpenAPI document from {@code /api-docs/openapi/<service>.json}, which this class answers
 * with the document the service itself serves ({@code /q/openapi?format=json}) — the same document its build
 * exports to {@code docs/openapi/}. An unknown name is 404, a service that is down 502, as for {@code /api}.
 */
final class ApiDocs {

    /** The documents, by the module name clients know, with the upstream that serves each. */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("monitoring-service", "monitoring");
        SERVICES.put("interaction-service", "interaction");
        SERVICES.put("permission-service", "permission");
        SERVICES.put("transcript-service", "transcript");
        SERVICES.put("telephony-gateway", "telephony");
    }

    static final String PATH = "/api-docs/openapi/";

    private final HttpClient rest;
    private final Map<String, URI> upstreams;
    private final GatewayConfig config;

    ApiDocs(HttpClient rest, Map<String, URI> upstreams, GatewayConfig config) {
        this.rest = rest;
        this.upstreams = upstreams;
        this.config = config;
    }

    void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String file = path.substring(PATH.length());
        String service = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : "";
        URI upstream = SERVICES.containsKey(service) ? upstreams.get(SERVICES.get(service)) : null;
        if (upstream == null) {
            Problems.send(ctx.response(), 404, "not-found", "Not Found",
                    "The API documents are " + String.join(", ", SERVICES.keySet()) + " (.json)", path);
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() > 0 ? upstream.getPort() : 80)
                .setURI("/q/openapi?format=json")
                .putHeader("accept", "application/json")
                .setConnectTimeout(config.rest().connectTimeout().toMillis())
                .setIdleTimeout(config.rest().timeout().toMillis());
        rest.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response, body)))
                .onSuccess(answer -> {
                    if (answer.response().statusCode() != 200) {
                        Problems.send(ctx.response(), 502, "upstream-unavailable", "Bad Gateway",
                                service + " did not give its API document", path);
                        return;
                    }
                    ctx.response().putHeader("content-type", "application/json")
                            .putHeader("cache-control", "no-cache")
                            .end(answer.body());
                })
                .onFailure(failure -> Problems.send(ctx.response(), 502, "upstream-unavailable", "Bad Gateway",
                        service + " is not available; try again shortly", path));
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }
}
