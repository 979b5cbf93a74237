package cc.monitoring.systemtest.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST contract as clients read it: the exported documents in {@code docs/openapi/} (plain JUnit, no
 * service runs; {@code bin/openapi --check} in CI proves they are what the services build). For each service,
 * every operation has a tag, a documented success with its schema, the bearer security scheme unless it is a
 * provider callback, and every error answer as {@code application/problem+json} with the one Problem schema
 * and an example per problem type; operations with a body, query or path parameters document their 400 and
 * 404 refusals, secured ones their 401 and 403. Every documented problem type is one that the code answers.
 */
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String TYPE_PREFIX = "urn:problem:monitoring:";
    /** Callbacks of the telephony provider: signed by the provider (X-Twilio-Signature), not by a bearer token. */
    private static final String PROVIDER_CALLBACKS = "/api/telephony/twilio/";
    /** The kit's own refusals (service-kit kit/problem, kit/identity, kit/stream): answered by every service. */
    private static final Set<String> KIT_TYPES = Set.of("unauthenticated", "tenant-missing", "forbidden",
            "malformed-json", "payload-too-large", "unsupported-media-type", "too-many-streams", "concurrent-change",
            "bad-request", "not-found");

    @ParameterizedTest
    @ValueSource(strings = {"permission-service", "interaction-service", "monitoring-service", "transcript-service",
            "telephony-gateway"})
    void everyOperationIsDocumentedWithTagsSchemasSecurityAndProblems(String service) {
        JsonNode doc = document(service);
        List<String> faults = new ArrayList<>();

        JsonNode info = doc.path("info");
        check(faults, service.equals(info.path("title").asText()), "info.title is not " + service);
        check(faults, !info.path("version").asText().isBlank(), "info.version is missing");
        check(faults, !info.path("description").asText().isBlank(), "info.description is missing");

        JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer");
        check(faults, "http".equals(bearer.path("type").asText()) && "bearer".equals(bearer.path("scheme").asText())
                && "JWT".equals(bearer.path("bearerFormat").asText()), "no bearer (JWT) security scheme 'bearer'");
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        check(faults, problem.path("properties").has("type") && problem.path("properties").has("status")
                && problem.path("properties").has("detail"), "no RFC 9457 Problem schema in the components");

        Set<String> declaredTags = new HashSet<>();
        doc.path("tags").forEach(t -> {
            declaredTags.add(t.path("name").asText());
            check(faults, !t.path("description").asText().isBlank(), "tag " + t.path("name") + " has no description");
        });
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = entry.getKey();
            if (path.startsWith("/q/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = entry.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                operations++;
                String at = method.toUpperCase() + " " + path + ": ";
                check(faults, operationIds.add(op.path("operationId").asText()) && op.hasNonNull("operationId"),
                        at + "operationId missing or not unique");
                check(faults, !op.path("summary").asText().isBlank(), at + "no summary");
                check(faults, op.path("tags").size() > 0, at + "no tag");
                op.path("tags").forEach(t -> check(faults, declaredTags.contains(t.asText()),
                        at + "tag " + t + " is not declared with a description"));

                JsonNode responses = op.path("responses");
                boolean success = false;
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    String status = r.getKey();
                    JsonNode content = r.getValue().path("content");
                    check(faults, !status.equals("405"), at + "documents a 405");
                    if (status.startsWith("2")) {
                        success = true;
                        boolean empty = status.equals("202") || status.equals("204");
                        check(faults, empty || hasSchema(content), at + status + " has no schema");
                    } else if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode media = content.path(PROBLEM);
                        check(faults, content.size() == 1 && PROBLEM_REF.equals(media.path("schema").path("$ref").asText()),
                                at + status + " is not " + PROBLEM + " with the Problem schema");
                        check(faults, media.path("examples").size() > 0, at + status + " names no problem type");
                        for (JsonNode example : media.path("examples")) {
                            String type = example.path("value").path("type").asText();
                            check(faults, type.startsWith(TYPE_PREFIX) && example.path("value").path("status").asText()
                                    .equals(status), at + status + " example " + example + " is not a problem of it");
                        }
                    }
                }
                check(faults, success, at + "no 2xx response");

                boolean callback = path.startsWith(PROVIDER_CALLBACKS);
                if (!callback) {
                    check(faults, op.path("security").toString().equals("[{\"bearer\":[]}]"), at + "not secured by bearer");
                    check(faults, responses.has("401") && responses.has("403"), at + "no 401 and 403 problems");
                }
                boolean parameters = op.path("parameters").size() > 0 || op.has("requestBody");
                boolean json = op.path("requestBody").path("content").has("application/json");
                check(faults, !json || responses.has("400") && responses.has("413") && responses.has("415"),
                        at + "a JSON body without its 400/413/415 problems");
                check(faults, !parameters || callback || responses.has("400") || responses.has("404"),
                        at + "parameters without a 400 or 404 problem");
                check(faults, !path.contains("{") || responses.has("404") || responses.has("400"),
                        at + "a path parameter without a 404 or 400 problem");
            }
        }
        check(faults, operations > 0, "no operations");

        // every documented problem type is answered by the code (the kit's, or a literal in the service)
        String sources = sources(service);
        Matcher types = Pattern.compile(Pattern.quote(TYPE_PREFIX) + "([a-z0-9-]+)").matcher(doc.path("paths").toString());
        while (types.find()) {
            String slug = types.group(1);
            check(faults, KIT_TYPES.contains(slug) || sources.contains("\"" + slug + "\""),
                    "problem type " + slug + " is documented but no code of " + service + " answers it");
        }
        assertTrue(faults.isEmpty(), service + " (docs/openapi/" + service + ".yaml):\n  " + String.join("\n  ", faults));
    }

    @org.junit.jupiter.api.Test
    void B30_theTranscriptsWriteRefusalsAreNoOperationsOfTheDocument() {
        JsonNode paths = document("transcript-service").path("paths");
        List<String> writes = new ArrayList<>();
        paths.fields().forEachRemaining(e -> {
            for (String method : List.of("post", "put", "patch", "delete")) {
                if (e.getValue().has(method)) {
                    writes.add(method + " " + e.getKey());
                }
            }
        });
        assertEquals(List.of(), writes, "transcripts are read-only (B30): they answer 405, which is no operation");
        assertFalse(paths.path("/api/transcripts/{interactionId}/stream").path("get").path("responses").path("200")
                .path("content").path("text/event-stream").isMissingNode(), "the transcript stream is text/event-stream");
    }

    @org.junit.jupiter.api.Test
    void B51_theLiveStreamsNameTheirEvents() {
        JsonNode monitoring = document("monitoring-service").path("paths").path("/api/monitoring/stream").path("get")
                .path("responses").path("200");
        for (String event : List.of("`hello`", "`table`", "`session`")) {
            assertTrue(monitoring.path("description").asText().contains(event), "monitoring stream names " + event);
        }
        assertFalse(monitoring.path("content").path("text/event-stream").path("schema").path("oneOf").isEmpty());
        JsonNode transcript = document("transcript-service").path("paths").path("/api/transcripts/{interactionId}/stream")
                .path("get").path("responses").path("200");
        for (String event : List.of("`message`", "`ended`", "`closed`")) {
            assertTrue(transcript.path("description").asText().contains(event), "transcript stream names " + event);
        }
    }

    private static boolean hasSchema(JsonNode content) {
        if (content.size() == 0) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.isMissingNode() || schema.size() == 0) {
                return false;
            }
        }
        return true;
    }

    private static void check(List<String> faults, boolean ok, String fault) {
        if (!ok) {
            faults.add(fault);
        }
    }

    static JsonNode document(String service) {
        Path file = root().resolve("docs/openapi").resolve(service + ".yaml");
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read (bin/openapi exports it)", e);
        }
    }

    private static String sources(String service) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root().resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    static Path root() {
        return Path.of(System.getProperty("systemtest.root", "..")).toAbsolutePath().normalize();
    }
}
