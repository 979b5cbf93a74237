package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpHeaders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A REST answer. The {@code expect…} methods fail with the request and the whole body in the message. */
public record Reply(String request, int status, HttpHeaders headers, String body) {

    /** Prefix of every problem type ({@code urn:problem:monitoring:<slug>}, service-kit's {@code Problem}). */
    public static final String PROBLEM_TYPE_PREFIX = "urn:problem:monitoring:";

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(request + " -> " + status + ": body is not JSON: " + body, e);
        }
    }

    public String contentType() {
        return headers.firstValue("content-type").orElse("");
    }

    public Reply expect(int expected) {
        if (status != expected) {
            fail(request + " -> expected " + expected + " but was " + status + ": " + body);
        }
        return this;
    }

    /** The JSON body of an answer with this status. */
    public JsonNode expectJson(int expected) {
        expect(expected);
        assertTrue(contentType().startsWith("application/json"), request + ": content type " + contentType());
        return json();
    }

    /** An {@code application/problem+json} answer with this status and type slug (e.g. {@code voice-monitor-active}). */
    public JsonNode expectProblem(int expected, String typeSlug) {
        expect(expected);
        assertTrue(contentType().startsWith("application/problem+json"), request + ": content type " + contentType() + ": " + body);
        JsonNode problem = json();
        assertEquals(PROBLEM_TYPE_PREFIX + typeSlug, problem.path("type").asText(), request + ": " + body);
        assertEquals(expected, problem.path("status").asInt(), request + ": " + body);
        assertTrue(problem.path("detail").isTextual() && !problem.path("detail").asText().isBlank(),
                request + ": a problem explains itself: " + body);
        return problem;
    }

    /**
     * An {@code application/problem+json} answer with this status and one of these type slugs, for a refusal whose
     * exact reason may be any of several (e.g. no permission at all, or a rule that holds whatever the role).
     */
    public JsonNode expectProblemOneOf(int expected, String... typeSlugs) {
        expect(expected);
        assertTrue(contentType().startsWith("application/problem+json"), request + ": content type " + contentType() + ": " + body);
        JsonNode problem = json();
        String type = problem.path("type").asText();
        assertTrue(java.util.Arrays.stream(typeSlugs).anyMatch(slug -> type.equals(PROBLEM_TYPE_PREFIX + slug)),
                request + ": type " + type + " is none of " + java.util.Arrays.toString(typeSlugs) + ": " + body);
        assertEquals(expected, problem.path("status").asInt(), request + ": " + body);
        return problem;
    }

    public String location() {
        return headers.firstValue("location").orElseThrow(() -> new AssertionError(request + ": no Location header"));
    }
}
