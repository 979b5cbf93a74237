package cc.monitoring.kit.problem;

import cc.monitoring.kit.KitConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Refuses a body whose declared length is over {@code kit.http.max-body-bytes} with 413 problem+json
 * ({@code payload-too-large}), before anything is read and before Quarkus' own check of
 * {@code quarkus.http.limits.max-body-size}, which answers 413 with an empty body. Bodies without a
 * Content-Length are stopped by that Quarkus limit while they are read (the kit maps it to the same
 * problem). What the client still sends is read and dropped (up to a bound), so that it sees the answer.
 */
@Singleton
public class BodySizeLimit implements Handler<RoutingContext> {

    /** Before Quarkus' body-size route (order -2) and everything else. */
    static final int ORDER = -100;
    /** After refusing, drop at most this much of the body before closing the connection. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final long maxBodyBytes;

    @Inject
    BodySizeLimit(KitConfig config) {
        this(config.http().maxBodyBytes());
    }

    public BodySizeLimit(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            ctx.next();
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            refuse(ctx, Problem.of("bad-request", "Bad request", 400, "Content-Length is not a number"));
            return;
        }
        if (bytes > maxBodyBytes) {
            refuse(ctx, Problem.of("payload-too-large", "Payload too large", 413,
                    "The request body has " + bytes + " bytes; at most " + maxBodyBytes + " are accepted"));
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, Problem problem) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        JsonObject body = new JsonObject()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", request.path());
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body.encode());
        long[] dropped = new long[1];
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DRAIN_LIMIT) {
                request.connection().close();
            }
        });
        request.endHandler(ended -> request.connection().close());
        request.resume();
    }
}
