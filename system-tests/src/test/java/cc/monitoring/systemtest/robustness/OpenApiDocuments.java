package cc.monitoring.systemtest.robustness;

import cc.monitoring.systemtest.Service;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads each service's own OpenAPI document ({@code /q/openapi?format=json}) into {@link Endpoint}s: every
 * operation under every path except the framework's {@code /q/*}. The suite therefore follows the services: an
 * endpoint added tomorrow is probed tomorrow, with no list to maintain here.
 */
final class OpenApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiDocuments() {
    }

    /** The document of {@code service}, also saved to {@code dir/openapi-<module>.json} for the reader of a failure. */
    static JsonNode fetch(RawHttp http, Service service, String baseUrl, Path dir) {
        RawHttp.Answer answer = http.send(baseUrl, "GET", "/q/openapi?format=json", null, null, null);
        if (answer.status() != 200) {
            throw new AssertionError(service.module() + ": GET /q/openapi?format=json -> " + answer.status() + " "
                    + answer.body());
        }
        try {
            JsonNode document = JSON.readTree(answer.body());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("openapi-" + service.module() + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(service.module() + ": the OpenAPI document is not JSON", e);
        }
    }

    static List<Endpoint> endpoints(Service service, JsonNode document) {
        List<Endpoint> endpoints = new ArrayList<>();
        boolean securedByDefault = document.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = entry.getKey();
            if (path.startsWith("/q/") || path.equals("/q")) {
                continue;
            }
            JsonNode item = entry.getValue();
            for (String method : METHODS) {
                JsonNode operation = item.path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                item.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
                operation.path("parameters").forEach(p -> parameters.add(resolve(document, p)));
                Set<String> pathParams = new LinkedHashSet<>(templateParams(path));
                List<Endpoint.QueryParam> query = new ArrayList<>();
                for (JsonNode p : parameters) {
                    if ("query".equals(p.path("in").asText())) {
                        JsonNode schema = resolve(document, p.path("schema"));
                        query.add(new Endpoint.QueryParam(p.path("name").asText(), schema.path("type").asText("string"),
                                p.path("required").asBoolean(false)));
                    }
                }
                JsonNode content = resolve(document, operation.path("requestBody")).path("content");
                String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
                JsonNode body = content.fieldNames().hasNext() ? content.path(mediaType).path("schema") : null;
                boolean secured = operation.has("security") ? operation.path("security").size() > 0 : securedByDefault;
                endpoints.add(new Endpoint(service, method.toUpperCase(Locale.ROOT), path, List.copyOf(pathParams),
                        List.copyOf(query), body, mediaType, secured, document));
            }
        }
        return endpoints;
    }

    /** {@code /api/roles/{id}} → {@code [id]}. */
    static List<String> templateParams(String path) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = path.indexOf('{', i)) >= 0) {
            int end = path.indexOf('}', i);
            String name = path.substring(i + 1, end);
            int colon = name.indexOf(':'); // JAX-RS regex templates: {id: .+}
            names.add((colon >= 0 ? name.substring(0, colon) : name).trim());
            i = end + 1;
        }
        return names;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); any other node is returned as it is. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
