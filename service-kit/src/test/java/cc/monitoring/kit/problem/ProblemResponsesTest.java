package cc.monitoring.kit.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI filter on hand-made documents (plain JUnit: the model is MicroProfile OpenAPI's). */
class ProblemResponsesTest {

    @Test
    void aSecuredOperationWithAJsonBodyDocumentsItsOwnAndTheKitsProblems() {
        Operation start = OASFactory.createOperation()
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType())))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("The session"))
                        .addAPIResponse("409", OASFactory.createAPIResponse()
                                .description("`voice-monitor-active`: you monitor another call; `already-monitoring`"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
        OpenAPI doc = document("/api/monitoring/sessions", start);

        new ProblemResponses().filterOpenAPI(doc);

        assertNotNull(doc.getComponents().getSchemas().get("Problem"));
        Map<String, APIResponse> responses = start.getResponses().getAPIResponses();
        assertEquals(List.of("201", "400", "401", "403", "409", "413", "415"), List.copyOf(responses.keySet()));
        assertNull(responses.get("201").getContent(), "a success stays as the resource declared it");
        assertEquals(List.of("voice-monitor-active", "already-monitoring"), types(responses.get("409")));
        assertEquals(List.of("unauthenticated"), types(responses.get("401")));
        assertEquals("`unauthenticated`: no valid bearer token", responses.get("401").getDescription());
        assertEquals(List.of("tenant-missing"), types(responses.get("403")));
        assertEquals(List.of("malformed-json"), types(responses.get("400")));
        assertEquals(List.of("payload-too-large"), types(responses.get("413")));
        assertEquals(List.of("unsupported-media-type"), types(responses.get("415")));
        MediaType conflict = responses.get("409").getContent().getMediaType(Problem.MEDIA_TYPE);
        assertEquals("#/components/schemas/Problem", conflict.getSchema().getRef());
        assertEquals(Map.of("type", Problem.TYPE_PREFIX + "voice-monitor-active", "status", 409),
                conflict.getExamples().get("voice-monitor-active").getValue());
    }

    @Test
    void aStreamDocumentsTooManyStreamsAndAnUnnamedErrorGetsWhatTheMappersAnswer() {
        Operation stream = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().content(OASFactory.createContent()
                        .addMediaType("text/event-stream", OASFactory.createMediaType())))
                .addAPIResponse("400", OASFactory.createAPIResponse().description("Bad Request")));
        OpenAPI doc = document("/api/transcripts/{id}/stream", stream);

        new ProblemResponses().filterOpenAPI(doc);

        Map<String, APIResponse> responses = stream.getResponses().getAPIResponses();
        assertEquals(List.of("too-many-streams"), types(responses.get("429")));
        assertEquals(List.of("bad-request"), types(responses.get("400")));
        assertTrue(!responses.containsKey("401"), "an operation without security has no 401");
    }

    @Test
    void theFrameworksOwnPathsAreLeftAlone() {
        Operation health = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("503", OASFactory.createAPIResponse().description("Down")));
        new ProblemResponses().filterOpenAPI(document("/q/health", health));
        assertNull(health.getResponses().getAPIResponse("503").getContent());
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().POST(operation)));
    }

    private static List<String> types(APIResponse response) {
        return List.copyOf(response.getContent().getMediaType(Problem.MEDIA_TYPE).getExamples().keySet());
    }
}
