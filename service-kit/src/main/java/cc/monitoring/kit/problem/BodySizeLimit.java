package cc.monitoring.kit.problem;

import cc.monitoring.kit.KitConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an oversized body before it is read, as problem+json. (Vert.x's own
 * {@code quarkus.http.limits.max-body-size} stays in place as the hard stop for bodies without a
 * Content-Length.)
 */
public class BodySizeLimit {

    private final KitConfig config;

    public BodySizeLimit(KitConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(Problem.of("bad-request", "Bad request", 400, "Content-Length is not a number"), null);
        }
        if (bytes > config.http().maxBodyBytes()) {
            return ProblemMappers.respond(Problem.of("payload-too-large", "Payload too large", 413,
                    "The request body has " + bytes + " bytes; at most " + config.http().maxBodyBytes() + " are accepted"), null);
        }
        return null;
    }
}
