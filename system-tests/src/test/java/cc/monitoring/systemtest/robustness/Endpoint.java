package cc.monitoring.systemtest.robustness;

import cc.monitoring.systemtest.Service;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One operation of a service as its OpenAPI document describes it: method, path template, parameters, the
 * request body's media type and schema (references resolved against the document), and whether the document
 * asks for a bearer token.
 *
 * @param body          the request body's schema with {@code $ref}s resolved lazily through {@link #document}, or
 *                      {@code null} when the operation declares no body
 * @param bodyMediaType the first media type of the request body ({@code application/json} when none is declared)
 * @param secured       the operation carries a {@code security} requirement (a bearer token)
 */
public record Endpoint(Service service, String method, String path, List<String> pathParams,
                       List<QueryParam> queryParams, JsonNode body, String bodyMediaType, boolean secured,
                       JsonNode document) {

    /** A query parameter and its schema type ({@code integer}, {@code string}, ...). */
    public record QueryParam(String name, String type, boolean required) {
    }

    public boolean hasBody() {
        return body != null;
    }

    /** Writes (POST, PUT, PATCH) may carry a body even when the document declares none. */
    public boolean writes() {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    public boolean pages() {
        return queryParams.stream().anyMatch(q -> q.name().equals("page") || q.name().equals("size"));
    }

    /** {@code GET /api/roles/{id}}. */
    public String name() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return service.module() + " " + name();
    }
}
