package cc.monitoring.transcript.api;

import cc.monitoring.kit.problem.Problem;
import cc.monitoring.transcript.domain.TranscriptReadOnlyException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** B30 as HTTP: writing to a transcript is a method this resource does not allow (405, only GET). */
public class ReadOnlyMapper {

    @ServerExceptionMapper
    public Response readOnly(TranscriptReadOnlyException e, UriInfo uri) {
        Problem problem = Problem.of(e.type(), e.title(), 405, e.getMessage()).at(uri.getPath());
        return Response.status(405).header(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
                .type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
