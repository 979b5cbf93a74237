package cc.monitoring.monitor.api;

import cc.monitoring.monitor.service.CurrentOrigin;
import cc.monitoring.monitor.service.Origin;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * B41: notes where each request comes from, for the audit trail. The web gateway sets
 * {@code X-Forwarded-For} to the real peer (clients' own values are not trusted there) and
 * {@code X-Request-Id}; without the gateway the TCP peer is the client. Values are only noted here;
 * the audit trail bounds them.
 */
public class OriginFilter {

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final CurrentOrigin origin;

    public OriginFilter(CurrentOrigin origin) {
        this.origin = origin;
    }

    @ServerRequestFilter(preMatching = true)
    public void note(ContainerRequestContext request, HttpServerRequest http) {
        SocketAddress remote = http.remoteAddress();
        String peer = remote == null ? null : remote.hostAddress();
        String forwarded = request.getHeaderString("X-Forwarded-For");
        String first = forwarded == null ? "" : forwarded.split(",", 2)[0].trim();
        String client = first.isEmpty() ? peer : first;
        String requestId = request.getHeaderString("X-Request-Id");
        if (requestId == null || !SANE_REQUEST_ID.matcher(requestId.trim()).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        origin.set(new Origin(client, peer, request.getHeaderString("User-Agent"), requestId.trim()));
    }

    /** The request id goes back to the client, so that a reply can be found in the audit trail. */
    @ServerResponseFilter
    public void answer(ContainerResponseContext response) {
        String requestId = origin.get().requestId();
        if (requestId != null) {
            response.getHeaders().putSingle("X-Request-Id", requestId);
        }
    }
}
