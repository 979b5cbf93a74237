package cc.monitoring.kit.identity;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer names its request id ({@code X-Request-Id}: the one the web gateway or client sent when sane,
 * else the one made here), so that a reply can be found in the audit trail (B41).
 */
public class RequestIdHeader {

    private final RequestOrigin origin;

    public RequestIdHeader(RequestOrigin origin) {
        this.origin = origin;
    }

    @ServerResponseFilter
    public void answer(ContainerResponseContext response) {
        String requestId = origin.get().requestId();
        if (requestId != null) {
            response.getHeaders().putSingle("X-Request-Id", requestId);
        }
    }
}
