package cc.monitoring.gateway;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The gateway's own refusals, as {@code application/problem+json} like the services' (RFC 9457). */
final class Problems {

    static final String TYPE_PREFIX = "urn:problem:monitoring:";

    private Problems() {
    }

    static void send(HttpServerResponse response, int status, String type, String title, String detail, String path) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", TYPE_PREFIX + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", path);
        response.setStatusCode(status)
                .putHeader("content-type", "application/problem+json")
                .putHeader("cache-control", "no-store")
                .end(problem.encode());
    }
}
