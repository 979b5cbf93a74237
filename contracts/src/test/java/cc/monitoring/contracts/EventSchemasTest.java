package cc.monitoring.contracts;

import cc.monitoring.contracts.EventSamples.TypeContract;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JSON Schemas under {@code src/main/resources/schemas/} and the Java records say the same, in both
 * directions, for every type of {@link EventTypes}; {@code docs/asyncapi.yaml} is a valid AsyncAPI 3.0 document
 * that names every type and whose schema files exist. Offline: the AsyncAPI meta-schema is vendored under
 * {@code src/test/resources/asyncapi/}.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Path ASYNCAPI = Path.of("..", "docs", "asyncapi.yaml");

    // --- (a) what EventJson writes validates against the schema -------------------------------------------

    @ParameterizedTest
    @MethodSource("cc.monitoring.contracts.EventSamples#everyEventRecord")
    void B40_everySampleRecordValidatesAgainstTheSchemaOfEachOfItsTypes(Record data) {
        List<TypeContract> contracts = contractsOf(data.getClass());
        assertFalse(contracts.isEmpty(), "no event type has " + data.getClass().getSimpleName() + " as data");
        for (TypeContract contract : contracts) {
            CloudEvent event = CloudEvent.of(contract.type(), "/test", EventSamples.T, "subject-1", data);
            JsonNode wire = readTree(EventJson.write(event));
            assertValid(schema("schemas/cloudevent.v1.json"), wire, "envelope of " + contract.type());
            assertValid(schema(contract.schemaResource()), wire.get("data"), contract.type());
        }
    }

    @Test
    void B40_everyTypeHasASampleRecord() {
        Set<Class<?>> sampled = EventSamples.everyEventRecord().map(Object::getClass).collect(Collectors.toSet());
        for (TypeContract contract : EventSamples.byType().values()) {
            assertTrue(sampled.contains(contract.record()), "no sample of " + contract.record().getSimpleName());
        }
    }

    @Test
    void B40_aRecordMissingARequiredFieldOrWithAnUnknownEnumValueDoesNotValidate() {
        Schema monitoring = schema("schemas/monitoring/monitoring-event.v1.json");
        JsonNode sample = JSON.valueToTree(EventSamples.everyEventRecord()
                .filter(r -> r instanceof MonitoringEvent).findFirst().orElseThrow());
        assertValid(monitoring, sample, "sample");
        assertFalse(monitoring.validate(((ObjectNode) sample.deepCopy())
                .without("sessionId")).isEmpty(), "sessionId is required");
        assertFalse(monitoring.validate(((ObjectNode) sample.deepCopy())
                .put("state", "PAUSED")).isEmpty(), "state is an enum");
        assertFalse(monitoring.validate(((ObjectNode) sample.deepCopy())
                .put("at", "yesterday")).isEmpty(), "at is a date-time");
        assertTrue(monitoring.validate(((ObjectNode) sample.deepCopy())
                .put("addedLater", "x")).isEmpty(), "unknown fields are allowed (compatibility policy)");
    }

    // --- (b) the schema's properties are exactly the record's components -----------------------------------

    @Test
    void B40_everyEventTypeHasARecordAndASchema() {
        assertEquals(EventSamples.declaredTypes(), new TreeSet<>(EventSamples.byType().keySet()),
                "EventSamples must map every EventTypes constant to its record and schema");
        for (TypeContract contract : EventSamples.byType().values()) {
            assertNotNull(resource(contract.schemaResource()), "missing " + contract.schemaResource());
        }
    }

    @Test
    void B40_everyTypeIsNamespacedVersionedAndNamesTheSchemaOfItsData() {
        assertEquals(EventSamples.declaredTypes(), new TreeSet<>(EventTypes.all()), "EventTypes.all() vs its constants");
        for (TypeContract contract : EventSamples.byType().values()) {
            String type = contract.type();
            assertTrue(type.length() <= 100, type + " fits the outbox's event_type varchar(100)");
            assertTrue(type.matches("cc\\.monitoring\\.[a-z]+\\.[a-z][a-z0-9-]*\\.v" + EventTypes.SCHEMA_VERSION),
                    type + " is cc.monitoring.<aggregate>.<event>.v" + EventTypes.SCHEMA_VERSION);
            assertTrue(type.startsWith("cc.monitoring." + contract.schema().substring(0, contract.schema().indexOf('/')) + "."),
                    type + ": the aggregate is the one owning its record " + contract.schema());
            assertEquals(contract.schema(), EventTypes.schemaPath(type), type);
            JsonNode schema = readTree(resource(contract.schemaResource()));
            assertEquals(EventTypes.dataschema(type), schema.path("$id").asText(), "dataschema of " + type + " is its schema's $id");
            CloudEvent event = CloudEvent.of(type, "/test", EventSamples.T, "s", EventSamples.everyEventRecord()
                    .filter(contract.record()::isInstance).findFirst().orElseThrow());
            assertEquals(EventTypes.dataschema(type), readTree(EventJson.write(event)).path("dataschema").asText(),
                    "every event written carries its dataschema: " + type);
        }
        assertEquals(EventTypes.envelopeSchema(),
                readTree(resource("schemas/" + EventTypes.envelopeSchemaPath())).path("$id").asText());
    }

    @ParameterizedTest
    @MethodSource("schemasAndRecords")
    void B40_schemaPropertiesAreExactlyTheRecordComponents(String schemaResource, Class<? extends Record> record) {
        JsonNode root = readTree(resource(schemaResource));
        assertEquals("https://json-schema.org/draft/2020-12/schema", root.path("$schema").asText(), schemaResource);
        assertTrue(root.path("additionalProperties").asBoolean(true), "consumers ignore unknown fields: " + schemaResource);
        compare(record, root, root, schemaResource);
    }

    @Test
    void B40_theEnvelopeSchemaHasExactlyTheCloudEventAttributes() {
        JsonNode root = readTree(resource("schemas/cloudevent.v1.json"));
        Set<String> components = Arrays.stream(CloudEvent.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(components, fieldNames(root.get("properties")));
        assertEquals(CloudEvent.SPEC_VERSION, root.at("/properties/specversion/const").asText());
    }

    static Stream<Arguments> schemasAndRecords() {
        return EventSamples.byType().values().stream()
                .collect(Collectors.toMap(TypeContract::schemaResource, TypeContract::record, (a, b) -> a,
                        LinkedHashMap::new))
                .entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static void compare(Class<?> record, JsonNode schema, JsonNode root, String where) {
        JsonNode properties = schema.get("properties");
        assertNotNull(properties, where + " has no properties");
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        assertEquals(components, fieldNames(properties), where + ": schema properties vs " + record.getSimpleName());
        for (String required : iterable(schema.path("required"))) {
            assertTrue(components.contains(required), where + ": required " + required + " is no component");
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String at = where + "#" + component.getName();
            JsonNode property = resolve(properties.get(component.getName()), root);
            Class<?> type = component.getType();
            if (type.isEnum()) {
                assertEquals(sentConstants(type), nonNullStrings(property.get("enum")), at + ": enum values");
            } else if (type == String.class) {
                assertTrue(types(property).contains("string"), at + " is a string");
            } else if (type == Instant.class) {
                assertTrue(types(property).contains("string"), at + " is a string");
                assertEquals("date-time", property.path("format").asText(), at + " is a date-time");
            } else if (type == long.class || type == int.class) {
                assertEquals(Set.of("integer"), types(property), at + " is a required integer");
            } else if (type == boolean.class) {
                assertEquals(Set.of("boolean"), types(property), at + " is a boolean");
            } else if (type == List.class) {
                assertTrue(types(property).contains("array"), at + " is an array");
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                JsonNode items = resolve(property.get("items"), root);
                if (element == String.class) {
                    assertEquals(Set.of("string"), types(items), at + " items are strings");
                } else if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    compare(elementClass, items, root, at + "[]");
                } else {
                    fail(at + ": no rule for list of " + element);
                }
            } else if (type.isRecord()) {
                compare(type, property, root, at);
            } else {
                fail(at + ": no rule for " + type);
            }
            if (type.isPrimitive()) {
                assertTrue(iterable(schema.path("required")).contains(component.getName()),
                        at + " is always written, so it is required");
            }
        }
    }

    /** The constants a producer may send: all but the one an unknown value reads as. */
    private static Set<String> sentConstants(Class<?> enumType) {
        Set<String> names = new TreeSet<>();
        for (Object constant : enumType.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                if (enumType.getField(name).isAnnotationPresent(JsonEnumDefaultValue.class)) {
                    continue;
                }
            } catch (NoSuchFieldException e) {
                throw new AssertionError(e);
            }
            names.add(name);
        }
        return names;
    }

    // --- docs/asyncapi.yaml -------------------------------------------------------------------------------

    @Test
    void B40_theAsyncApiDocumentIsValidAsyncApi3() throws IOException {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(resource("asyncapi/asyncapi-3.0.0-without-id.json"));
        JsonNode document = YAML.readTree(ASYNCAPI.toFile());
        assertEquals("3.0.0", document.path("asyncapi").asText());
        assertValid(metaSchema, document, "docs/asyncapi.yaml");
    }

    @Test
    void B40_theAsyncApiDocumentHasEveryTopicAndEveryTypeWithItsSchemaAndNoDanglingReference() throws IOException {
        JsonNode document = YAML.readTree(ASYNCAPI.toFile());
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        Set<String> topics = Topics.all().stream().map(Topics.Spec::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(topics, addresses, "channels vs Topics.all()");

        JsonNode messages = document.path("components").path("messages");
        Set<String> typesInDocument = new TreeSet<>();
        for (Iterator<String> names = messages.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode message = messages.get(name);
            String type = message.at("/payload/schema/properties/type/const").asText(null);
            if (type == null) {
                continue; // e.g. the dead-letter message: any record value
            }
            typesInDocument.add(type);
            TypeContract contract = EventSamples.byType().get(type);
            assertNotNull(contract, "message " + name + " has a type EventTypes does not know: " + type);
            assertEquals(EventTypes.dataschema(type), message.at("/payload/schema/properties/dataschema/const").asText(),
                    "message " + name + " dataschema");
            String dataRef = message.at("/payload/schema/properties/data/$ref").asText();
            assertEquals("../contracts/src/main/resources/" + contract.schemaResource(), dataRef,
                    "message " + name + " data schema");
        }
        assertEquals(EventSamples.declaredTypes(), typesInDocument, "every EventTypes constant is a message");

        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertFalse(document.at(ref.substring(1)).isMissingNode(), "docs/asyncapi.yaml: dangling " + ref);
            } else {
                Path file = ASYNCAPI.getParent().resolve(ref.replaceAll("#.*$", "")).normalize();
                assertTrue(Files.isRegularFile(file), "docs/asyncapi.yaml refers to a missing file: " + ref);
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static List<TypeContract> contractsOf(Class<?> record) {
        return EventSamples.byType().values().stream().filter(c -> c.record() == record).toList();
    }

    private static void assertValid(Schema schema, JsonNode instance, String what) {
        List<Error> errors = schema.validate(instance);
        assertTrue(errors.isEmpty(), what + " does not validate: " + errors);
    }

    private static Schema schema(String resource) {
        return SCHEMAS.getSchema(readTree(resource(resource)));
    }

    private static InputStream resource(String name) {
        return EventSchemasTest.class.getClassLoader().getResourceAsStream(name);
    }

    private static JsonNode readTree(Object source) {
        try {
            return source instanceof String s ? JSON.readTree(s) : JSON.readTree((InputStream) source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resolve(JsonNode property, JsonNode root) {
        assertNotNull(property);
        JsonNode ref = property.get("$ref");
        return ref == null ? property : root.at(ref.asText().substring(1));
    }

    private static Set<String> types(JsonNode property) {
        JsonNode type = property.get("type");
        assertNotNull(type, "no type in " + property);
        Set<String> types = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        types.remove("null");
        return types;
    }

    private static Set<String> nonNullStrings(JsonNode array) {
        assertNotNull(array, "no enum");
        Set<String> values = new TreeSet<>();
        array.forEach(v -> {
            if (!v.isNull()) {
                values.add(v.asText());
            }
        });
        return values;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> iterable(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
