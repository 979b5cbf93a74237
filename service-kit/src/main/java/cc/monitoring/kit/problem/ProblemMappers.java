package cc.monitoring.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a service as {@code application/problem+json} with a stable type: domain
 * refusals with their own type, framework errors (bad JSON, wrong method or media type, unknown
 * path, missing token) with generic ones, anything unexpected as a 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Problem problem = Problem.of(e.type(), e.title(), e.kind().status, e.getMessage())
                .withExtensions(e.extensions());
        return respond(problem, uri);
    }

    /** More specific than Quarkus' own mapper for this type, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON for this resource";
        if (e instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            detail = "Field '" + fieldPath(invalid) + "' has a value of the wrong form";
        } else if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            detail = "Field '" + fieldPath(mismatch) + "' has the wrong type";
        }
        return respond(Problem.of("malformed-json", "Malformed request body", 400, detail), uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of("unauthenticated", "Authentication required", 401,
                        "A valid bearer token is required").at(uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Not permitted", 403, "You are not permitted to do this"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(Problem.of("internal-error", "Internal error", 500, "The request could not be completed"), uri);
        }
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) == null
                ? "Bad request" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 415 -> "This resource takes application/json";
            case 413 -> "The request body is too large";
            default -> "The request cannot be processed";
        };
        return respond(Problem.of(slug, title, status, detail), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain(domain, uri);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                // two requests raced for the same unique thing; the loser may retry
                return respond(Problem.of("concurrent-change", "Changed concurrently", 409,
                        "Another request changed the same data at the same time; try again"), uri);
            }
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of("internal-error", "Internal error", 500, "The request could not be completed"), uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(uri == null ? problem : problem.at(uri.getPath())).build();
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
