package cc.monitoring.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Forwards one {@code /api/...} request to its service and the answer back, streaming both ways with
 * back-pressure (a slow reader pauses the other side; nothing is buffered beyond the write queues).
 * Ordinary requests and long-lived event streams use different HTTP clients, so open streams never
 * hold the connections that ordinary requests need. Every refusal of the gateway itself is problem+json.
 */
final class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** Hop-by-hop headers, and what only the gateway may say about the request's origin. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade",
            "host", "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            "x-real-ip", "x-request-id", "expect");
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-connection", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "x-request-id");
    /** After refusing an oversized body, read (and drop) at most this much of it before closing. */
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final HttpClient rest;
    private final HttpClient streams;
    private final StreamSlots slots;
    private final GatewayConfig config;
    private final Map<String, URI> upstreams;

    Forwarder(HttpClient rest, HttpClient streams, StreamSlots slots, GatewayConfig config, Map<String, URI> upstreams) {
        this.rest = rest;
        this.streams = streams;
        this.slots = slots;
        this.config = config;
        this.upstreams = upstreams;
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        HttpServerResponse out = ctx.response();
        String path = ctx.normalizedPath();
        String requestId = RequestIds.keepOrCreate(in.getHeader("x-request-id"));
        out.putHeader("x-request-id", requestId);

        Routes.Route route = Routes.of(path).orElse(null);
        if (route == null) {
            discardBody(in);
            Problems.send(out, 404, "not-found", "Not Found", "No such resource", path);
            return;
        }
        boolean stream = Routes.isStream(path, in.getHeader(HttpHeaders.ACCEPT));
        if (stream) {
            StreamSlots.Slot slot;
            try {
                slot = slots.acquire(clientAddress(in));
            } catch (StreamSlots.Refused refused) {
                discardBody(in);
                out.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, config.streams().retryAfter().toSeconds())));
                Problems.send(out, 429, "too-many-streams", "Too many streams", refused.refusal == StreamSlots.Refusal.CLIENT_FULL
                        ? "This client address has " + slots.maxPerClient() + " live streams open through the gateway, as many as allowed"
                        : "The gateway has as many live streams open as it allows; try again later", path);
                return;
            }
            ctx.addEndHandler(ended -> slot.release());
        }

        URI upstream = upstreams.get(route.upstream());
        String query = in.query();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(upstream.getHost())
                .setPort(upstream.getPort() > 0 ? upstream.getPort() : 80)
                .setURI(path + (query == null ? "" : "?" + query))
                .setHeaders(forwardedHeaders(in, requestId))
                .setConnectTimeout(config.rest().connectTimeout().toMillis())
                // until the answer starts; after that a stream's silence is the stream client's idle timeout
                .setIdleTimeout(stream ? config.streams().idleTimeout().toMillis() : config.rest().timeout().toMillis());
        in.pause();
        (stream ? streams : rest).request(options)
                .onSuccess(request -> forward(in, out, request, stream, path))
                .onFailure(failure -> {
                    discardBody(in);
                    upstreamFailed(out, failure, route.upstream(), path);
                });
    }

    /** Refuses a body whose declared length is over the limit (any path, before anything is read). */
    boolean refuseDeclaredTooLarge(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            Problems.send(ctx.response(), 400, "bad-request", "Bad Request", "Content-Length is not a number", ctx.normalizedPath());
            return true;
        }
        if (bytes <= config.maxBodyBytes()) {
            return false;
        }
        tooLarge(ctx.request(), ctx.response(), ctx.normalizedPath());
        return true;
    }

    private void forward(HttpServerRequest in, HttpServerResponse out, HttpClientRequest request, boolean stream, String path) {
        out.closeHandler(closed -> request.reset()); // the client went away: so does the service's request
        request.response()
                .onSuccess(response -> respond(out, request, response, stream))
                .onFailure(failure -> upstreamFailed(out, failure, request.getHost(), path));
        boolean hasBody = in.headers().contains(HttpHeaders.CONTENT_LENGTH) || in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (hasBody && !in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            request.setChunked(true);
        }
        long max = config.maxBodyBytes();
        long[] seen = new long[1];
        in.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > max) { // a streamed body without a declared length grew too large
                in.handler(null);
                request.reset();
                tooLarge(in, out, path);
                return;
            }
            request.write(chunk);
            if (request.writeQueueFull()) {
                in.pause();
                request.drainHandler(drained -> in.resume());
            }
        });
        in.endHandler(ended -> {
            if (seen[0] <= max) {
                request.end();
            }
        });
        in.exceptionHandler(failure -> request.reset());
        if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            out.writeContinue(); // the body is within limits as declared: let the client send it
        }
        in.resume();
    }

    private void respond(HttpServerResponse out, HttpClientRequest request, HttpClientResponse response, boolean stream) {
        if (out.closed() || out.ended()) {
            request.reset();
            return;
        }
        out.setStatusCode(response.statusCode());
        response.headers().forEach(header -> {
            if (!NOT_RETURNED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        boolean bodiless = response.statusCode() == 204 || response.statusCode() == 304
                || response.request().getMethod() == io.vertx.core.http.HttpMethod.HEAD;
        if (!bodiless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        response.handler(chunk -> {
            out.write(chunk);
            if (out.writeQueueFull()) { // a slow reader: stop reading from the service until it catches up
                response.pause();
                out.drainHandler(drained -> response.resume());
            }
        });
        response.endHandler(ended -> {
            if (!out.ended() && !out.closed()) {
                out.end();
            }
        });
        response.exceptionHandler(failure -> {
            // the service went away mid-answer, or a stream stayed silent past the idle timeout
            if (out.ended() || out.closed()) {
                return;
            }
            if (stream) {
                out.end(); // an event stream just ends; the console reconnects
            } else {
                out.reset(); // never pass a truncated answer off as a whole one
            }
        });
    }

    private void upstreamFailed(HttpServerResponse out, Throwable failure, String upstream, String path) {
        if (failure instanceof ConnectionPoolTooBusyException) {
            out.putHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.send(out, 503, "gateway-busy", "Service Unavailable",
                    "Too many requests are waiting for this service; try again shortly", path);
        } else if (failure instanceof TimeoutException) {
            Problems.send(out, 504, "upstream-timeout", "Gateway Timeout",
                    "The service did not answer in time", path);
        } else {
            LOG.debugf("service %s failed for %s: %s", upstream, path, failure);
            Problems.send(out, 502, "upstream-unavailable", "Bad Gateway",
                    "The service is not available; try again shortly", path);
        }
    }

    private void tooLarge(HttpServerRequest in, HttpServerResponse out, String path) {
        if (out.headWritten()) {
            in.connection().close();
            return;
        }
        out.putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(out, 413, "payload-too-large", "Payload Too Large",
                "The request body is larger than " + config.maxBodyBytes() + " bytes", path);
        // read and drop what the client is still sending, so that it sees the answer; then close
        long[] dropped = new long[1];
        in.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DRAIN_LIMIT) {
                in.connection().close();
            }
        });
        in.endHandler(ended -> in.connection().close());
        in.resume();
    }

    /** An answer that does not forward the request: whatever body is still coming is read and dropped. */
    private static void discardBody(HttpServerRequest in) {
        if (!in.isEnded()) {
            in.handler(chunk -> { });
            in.resume();
        }
    }

    private static MultiMap forwardedHeaders(HttpServerRequest in, String requestId) {
        Set<String> named = new HashSet<>();
        for (String connection : in.headers().getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                named.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !named.contains(name)) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set("X-Forwarded-For", clientAddress(in)); // the real peer; what the client claims is dropped
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        headers.set("X-Request-Id", requestId);
        return headers;
    }

    /** The peer's address as this gateway sees it (never a client-sent header). */
    static String clientAddress(HttpServerRequest in) {
        return in.remoteAddress() == null || in.remoteAddress().host() == null ? "unknown" : in.remoteAddress().host();
    }
}
