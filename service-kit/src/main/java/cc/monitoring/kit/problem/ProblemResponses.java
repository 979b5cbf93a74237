package cc.monitoring.kit.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Documents every error answer of every service the same way (issue 12): one RFC 9457 {@code Problem}
 * schema in the components, and on every operation each 4xx response as {@code application/problem+json}
 * with that schema and one example per problem type it can carry.
 *
 * <p>A resource names its own refusals with {@code @APIResponse(responseCode = "409", description =
 * "`voice-monitor-active`: ...")}: every word in backticks is a problem type (the slug after
 * {@link Problem#TYPE_PREFIX}). The refusals that the kit answers for any operation are added here, so no
 * resource repeats them: 401 {@code unauthenticated} and 403 {@code tenant-missing} on every operation
 * that needs a bearer token; 400 {@code malformed-json}, 413 {@code payload-too-large} and 415
 * {@code unsupported-media-type} on every operation with a JSON body; 429 {@code too-many-streams} on every
 * server-sent-event stream (kit/stream).
 *
 * <p>Runs at build time, so the document exported into {@code docs/openapi/} and the one served at
 * {@code /q/openapi} are the same.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String SCHEMA = "Problem";
    static final String SCHEMA_REF = "#/components/schemas/" + SCHEMA;
    private static final Set<String> QUARKUS_PLACEHOLDERS = Set.of("Not Authorized", "Not Allowed");
    private static final Pattern TYPE_IN_BACKTICKS = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)*)`");

    /** What the kit's own refusals mean, for the generated descriptions. */
    private static final Map<String, String> KIT_TYPES = Map.of(
            "unauthenticated", "no valid bearer token",
            "tenant-missing", "the token carries no tenant claim",
            "malformed-json", "the body is not JSON of this operation's shape",
            "payload-too-large", "the body is over the size limit",
            "unsupported-media-type", "the body is not application/json",
            "too-many-streams", "the caller or the instance holds too many streams; retry after Retry-After",
            "bad-request", "the request cannot be processed",
            "not-found", "no such resource",
            "forbidden", "not permitted");
    /** What {@link ProblemMappers} answers for a status no refusal of the operation names (e.g. Quarkus' own 400). */
    private static final Map<String, String> BY_STATUS = Map.of("400", "bad-request", "401", "unauthenticated",
            "403", "forbidden", "404", "not-found", "413", "payload-too-large", "415", "unsupported-media-type");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/q/")) {
                item.getOperations().forEach((method, operation) -> document(item, operation, openAPI));
            }
        });
    }

    private static void document(PathItem item, Operation operation, OpenAPI openAPI) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, Set<String>> kitTypes = new TreeMap<>();
        if (secured(operation, openAPI)) {
            kitTypes.computeIfAbsent("401", s -> new LinkedHashSet<>()).add("unauthenticated");
            kitTypes.computeIfAbsent("403", s -> new LinkedHashSet<>()).add("tenant-missing");
        }
        if (jsonBody(operation)) {
            kitTypes.computeIfAbsent("400", s -> new LinkedHashSet<>()).add("malformed-json");
            kitTypes.computeIfAbsent("413", s -> new LinkedHashSet<>()).add("payload-too-large");
            kitTypes.computeIfAbsent("415", s -> new LinkedHashSet<>()).add("unsupported-media-type");
        }
        if (streams(operation)) {
            kitTypes.computeIfAbsent("429", s -> new LinkedHashSet<>()).add("too-many-streams");
        }
        for (Map.Entry<String, Set<String>> entry : kitTypes.entrySet()) {
            APIResponse response = responses.getAPIResponse(entry.getKey());
            Set<String> named = response == null ? Set.of() : typesIn(response.getDescription());
            StringBuilder description = new StringBuilder(ownDescription(response));
            for (String type : entry.getValue()) {
                if (!named.contains(type)) {
                    description.append(description.isEmpty() ? "" : "; ").append('`').append(type).append("`: ")
                            .append(KIT_TYPES.get(type));
                }
            }
            if (response == null) {
                response = OASFactory.createAPIResponse();
                responses.addAPIResponse(entry.getKey(), response);
            }
            response.setDescription(description.toString());
        }
        // every error answer, the kit's and the resource's own, is a Problem
        Map<String, APIResponse> sorted = new TreeMap<>(responses.getAPIResponses());
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (typesIn(response.getDescription()).isEmpty() && BY_STATUS.containsKey(status)) {
                    String type = BY_STATUS.get(status);
                    response.setDescription('`' + type + "`: " + KIT_TYPES.get(type));
                }
                response.setContent(problemContent(Integer.parseInt(status), typesIn(response.getDescription())));
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /** A resource's own description; Quarkus' placeholders for 401/403 ("Not Authorized") give way to the types. */
    private static String ownDescription(APIResponse response) {
        String description = response == null ? null : response.getDescription();
        return description == null || QUARKUS_PLACEHOLDERS.contains(description) ? "" : description;
    }

    private static boolean secured(Operation operation, OpenAPI openAPI) {
        if (operation.getSecurity() != null) {
            return !operation.getSecurity().isEmpty();
        }
        return openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
    }

    private static boolean jsonBody(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("application/json");
    }

    private static boolean streams(Operation operation) {
        APIResponses responses = operation.getResponses();
        return responses != null && responses.getAPIResponses() != null && responses.getAPIResponses().values().stream()
                .anyMatch(r -> r.getContent() != null && r.getContent().hasMediaType("text/event-stream"));
    }

    static Set<String> typesIn(String description) {
        Set<String> types = new LinkedHashSet<>();
        if (description != null) {
            Matcher m = TYPE_IN_BACKTICKS.matcher(description);
            while (m.find()) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    private static Content problemContent(int status, Set<String> types) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF));
        for (String type : types) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", Problem.TYPE_PREFIX + type);
            value.put("status", status);
            media.addExample(type, OASFactory.createExample().value(value));
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    /** The shape of {@link Problem} as it travels. */
    static Schema problemSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document. Clients switch on 'type' (" + Problem.TYPE_PREFIX
                        + "<slug>); 'detail' is for people. A refusal may add members of its own (e.g. the id of"
                        + " a conflicting session).")
                .required(List.of("type", "status"))
                .addProperty("type", string("A stable URN per refusal: " + Problem.TYPE_PREFIX + "<slug>")
                        .example(Problem.TYPE_PREFIX + "voice-monitor-active"))
                .addProperty("title", string("A short, human-readable summary of the type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string("What happened in this occurrence, for people"))
                .addProperty("instance", string("The path of the request that was refused"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
