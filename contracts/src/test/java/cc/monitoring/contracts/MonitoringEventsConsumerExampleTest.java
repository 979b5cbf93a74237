package cc.monitoring.contracts;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static cc.monitoring.contracts.monitoring.SessionMode.BARGED;
import static cc.monitoring.contracts.monitoring.SessionMode.SILENT;
import static cc.monitoring.contracts.monitoring.SessionState.ACTIVE;
import static cc.monitoring.contracts.monitoring.SessionState.DIALING;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A consumer's view (issue 12): a consumer that knows nothing of this codebase but {@code docs/asyncapi.yaml} and
 * the JSON Schemas it refers to reads {@code monitoring-events} and builds "who is monitoring what". Only the
 * producer side ({@link #wire}) uses this module's records; the consumer sees JSON text and the published files.
 */
class MonitoringEventsConsumerExampleTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void B40_aConsumerWithOnlyThePublishedSchemasKnowsWhoIsMonitoringWhat() throws IOException {
        WhoMonitorsWhat view = new WhoMonitorsWhat(DOCS.resolve("asyncapi.yaml"));
        List<String> records = new ArrayList<>();
        records.add(wire(EventTypes.MONITOR_REQUESTED, session("tenant-a", "s-1", "i-1", DIALING, null)));
        records.add(wire(EventTypes.MONITOR_JOINED, session("tenant-a", "s-1", "i-1", ACTIVE, SILENT)));
        String barge = wire(EventTypes.MONITOR_BARGED, session("tenant-a", "s-1", "i-1", ACTIVE, BARGED));
        records.add(barge);
        records.add(barge); // delivered twice: at least once
        records.add(wire(EventTypes.MONITOR_JOINED, session("tenant-a", "s-2", "i-2", ACTIVE, null)));
        records.add(wire(EventTypes.MONITOR_ENDED, ended("s-2", "i-2")));
        records.add(wire(EventTypes.TRANSCRIPT_REVIEW_GRANTED,
                new TranscriptReviewGranted("tenant-a", "i-2", "ada", "r-1", Instant.parse("2026-12-03T11:00:00Z"),
                        Instant.parse("2026-12-03T10:00:00Z"))));
        records.add(wire(EventTypes.MONITOR_JOINED, session("tenant-b", "s-9", "i-1", ACTIVE, SILENT)));
        records.add(wire("some-type-added-later", session("tenant-a", "s-3", "i-3", ACTIVE, null)));
        records.add(withField(wire(EventTypes.MONITOR_JOINED,
                session("tenant-a", "s-4", "i-4", ACTIVE, null)), "state", "PAUSED"));
        records.add("not json");

        records.forEach(view::accept);

        assertEquals(Map.of("tenant-a", Map.of("i-1", List.of("sam ACTIVE BARGED")),
                        "tenant-b", Map.of("i-1", List.of("sam ACTIVE SILENT"))),
                view.snapshot());
        assertEquals(3, view.skipped, "the unknown type, the unknown state and the non-JSON record are skipped");
    }

    // --- the producer side: what monitoring-service writes ----------------------------------------------

    private static MonitoringEvent session(String tenant, String sessionId, String interactionId, SessionState state,
                                          SessionMode mode) {
        return new MonitoringEvent(tenant, sessionId, interactionId, Channel.VOICE, "sam", "Sam", state, mode,
                "desk", "sip:1001@pbx.example.com", null, null, Instant.parse("2026-12-03T10:00:00Z"));
    }

    private static MonitoringEvent ended(String sessionId, String interactionId) {
        return new MonitoringEvent("tenant-a", sessionId, interactionId, Channel.CHAT, "sam", "Sam",
                SessionState.ENDED, null, null, null, EndReason.SUPERVISOR_ENDED, null,
                Instant.parse("2026-12-03T10:05:00Z"));
    }

    private static String wire(String type, Record data) {
        String tenant = EventJson.mapper().valueToTree(data).get("tenantId").asText();
        return EventJson.write(CloudEvent.of(type, "/monitoring-service", tenant, "subject", data));
    }

    private static String withField(String json, String field, String value) throws IOException {
        ObjectNode event = (ObjectNode) new ObjectMapper().readTree(json);
        ((ObjectNode) event.get("data")).put(field, value);
        return event.toString();
    }

    // --- the consumer side: plain JSON, the AsyncAPI document and the schemas ----------------------------

    /** Who monitors which interaction, per tenant, from monitoring-events alone. */
    static final class WhoMonitorsWhat {
        private final ObjectMapper json = new ObjectMapper();
        private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        private final Schema envelope;
        private final Map<String, Schema> dataSchemaByType = new HashMap<>();
        private final Set<String> seenIds = new HashSet<>();
        /** tenant → session id → the session's latest data. */
        private final Map<String, Map<String, JsonNode>> live = new TreeMap<>();
        int skipped;

        WhoMonitorsWhat(Path asyncApi) throws IOException {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(asyncApi.toFile());
            Path base = asyncApi.getParent();
            JsonNode channel = null;
            for (JsonNode candidate : document.get("channels")) {
                if (candidate.get("address").asText().equals("monitoring-events")) {
                    channel = candidate;
                }
            }
            String envelopeRef = null;
            for (JsonNode ref : channel.get("messages")) {
                JsonNode message = document.at(ref.get("$ref").asText().substring(1));
                JsonNode schema = message.at("/payload/schema");
                envelopeRef = schema.at("/allOf/0/$ref").asText();
                dataSchemaByType.put(schema.at("/properties/type/const").asText(),
                        load(base.resolve(schema.at("/properties/data/$ref").asText())));
            }
            envelope = load(base.resolve(envelopeRef));
        }

        private Schema load(Path file) throws IOException {
            return registry.getSchema(json.readTree(file.toFile()));
        }

        void accept(String value) {
            JsonNode event;
            try {
                event = json.readTree(value);
            } catch (IOException e) {
                skipped++;
                return;
            }
            Schema dataSchema = dataSchemaByType.get(event.path("type").asText());
            if (!envelope.validate(event).isEmpty() || !"1.0".equals(event.path("specversion").asText())
                    || event.path("schemaversion").asInt() != 1 || dataSchema == null
                    || !dataSchema.validate(event.get("data")).isEmpty()) {
                skipped++;
                return;
            }
            if (!seenIds.add(event.get("id").asText())) {
                return;
            }
            JsonNode data = event.get("data");
            if (!data.has("sessionId")) {
                return; // transcript-review-granted: not about who monitors
            }
            Map<String, JsonNode> sessions = live.computeIfAbsent(event.get("tenantid").asText(), t -> new TreeMap<>());
            if ("ENDED".equals(data.path("state").asText())) {
                sessions.remove(data.get("sessionId").asText());
            } else {
                sessions.put(data.get("sessionId").asText(), data);
            }
        }

        /** tenant → interaction → "supervisor state mode" of its live sessions. */
        Map<String, Map<String, List<String>>> snapshot() {
            Map<String, Map<String, List<String>>> view = new TreeMap<>();
            live.forEach((tenant, sessions) -> sessions.values().forEach(s -> view
                    .computeIfAbsent(tenant, t -> new TreeMap<>())
                    .computeIfAbsent(s.get("interactionId").asText(), i -> new ArrayList<>())
                    .add(s.get("supervisorId").asText() + " " + s.get("state").asText() + " "
                            + s.path("mode").asText("-"))));
            view.values().removeIf(Map::isEmpty);
            return view;
        }
    }
}
