package cc.monitoring.kit.stream;

import cc.monitoring.kit.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** 429 problem+json {@code too-many-streams} with a Retry-After header. */
public class TooManyStreamsMapper {

    @ServerExceptionMapper
    public Response tooManyStreams(TooManyStreamsException e, UriInfo uri) {
        Problem problem = Problem.of(e.type(), e.title(), 429, e.getMessage())
                .withExtensions(Map.of("retryAfter", e.retryAfterSeconds()));
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .type(Problem.MEDIA_TYPE)
                .entity(uri == null ? problem : problem.at(uri.getPath()))
                .build();
    }
}
