package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment files as an operator gets them, checked offline (plain JUnit): docker-compose.yml against the
 * Compose Specification schema (Compose v2) and the schema of docker-compose 1.29.2 (Compose v1, the last v1),
 * both vendored under src/test/resources/compose-spec with their licenses; the production and demo Keycloak
 * realms (docs/security.md).
 */
class DeploymentFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root() {
        return PackageArrowsTest.root();
    }

    /** The compose file with YAML anchors and merge keys ({@code <<: *service}) resolved, as Compose reads it. */
    private static JsonNode composeFile() throws IOException {
        try (Reader in = Files.newBufferedReader(root().resolve("docker-compose.yml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            return JSON.valueToTree(yaml);
        }
    }

    /**
     * A vendored schema, read as draft-07 without its identifiers: {@code $schema} (no meta-schema is fetched), the
     * relative {@code $id} "compose_spec.json" and v1's draft-04 style {@code id}s, which only name locations.
     */
    private static Schema schema(String resource) throws IOException {
        try (InputStream in = DeploymentFilesTest.class.getResourceAsStream("/compose-spec/" + resource)) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            schema.remove(List.of("$schema", "$id"));
            withoutIds(schema);
            // formats off: "duration", "ports", "expose" are Compose's own (Go durations such as 10s), not JSON Schema's
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build())).getSchema(schema);
        }
    }

    private static void withoutIds(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isTextual()) {
            object.remove("id");
        }
        node.forEach(DeploymentFilesTest::withoutIds);
    }

    @Test
    void composeFileIsValidForComposeV2() throws IOException {
        List<Error> errors = schema("compose-spec.schema.json").validate(composeFile());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void composeFileIsValidForComposeV1WithoutTheVersionKeyOrAProjectName() throws IOException {
        JsonNode compose = composeFile();
        List<Error> errors = schema("compose-v1.29.2.schema.json").validate(compose);
        assertTrue(errors.isEmpty(), errors.toString());
        // v1 (1.27+) reads a file without `version:` as the Compose Specification; v2 warns that `version` is
        // obsolete; and v1 refuses a top-level `name:` (project name: the directory, -p or COMPOSE_PROJECT_NAME)
        assertFalse(compose.has("version"), "no version key: obsolete in v2, optional in v1 since 1.27");
        assertFalse(compose.has("name"), "v1 does not know the top-level name");
    }

    @Test
    void theSchemasRefuseWhatTheToolsRefuse() throws IOException {
        ObjectNode named = (ObjectNode) composeFile();
        named.put("name", "interaction-monitoring");
        assertFalse(schema("compose-v1.29.2.schema.json").validate(named).isEmpty(), "v1 knows no top-level name");
        assertTrue(schema("compose-spec.schema.json").validate(named).isEmpty(), "v2 does");
        ObjectNode typo = (ObjectNode) composeFile();
        ((ObjectNode) typo.at("/services/postgres")).put("helthcheck", "x");
        assertFalse(schema("compose-spec.schema.json").validate(typo).isEmpty(), "an unknown service key");
        assertFalse(schema("compose-v1.29.2.schema.json").validate(typo).isEmpty(), "an unknown service key");
    }

    @Test
    void composePostgresIsDurable() throws IOException {
        JsonNode command = composeFile().at("/services/postgres/command");
        String args = String.join(" ", StreamSupport.stream(command.spliterator(), false).map(JsonNode::asText).toList());
        assertTrue(args.contains("fsync=on") && args.contains("synchronous_commit=on")
                && args.contains("full_page_writes=on"), args);
    }

    private static JsonNode realm(String file) throws IOException {
        return JSON.readTree(root().resolve("deploy/keycloak").resolve(file).toFile());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    @Test
    void theProductionRealmAllowsOnlyCodeWithPkceLocksOutGuessersAndShipsNoUsers() throws IOException {
        JsonNode prod = realm("monitoring-realm.prod.json");
        assertEquals("monitoring", prod.path("realm").asText(), "same issuer path as the services expect");
        JsonNode console = client(prod, "monitoring-console");
        assertTrue(console.path("publicClient").asBoolean());
        assertTrue(console.path("standardFlowEnabled").asBoolean(), "authorization code flow");
        assertFalse(console.path("directAccessGrantsEnabled").asBoolean(true), "no password grant");
        assertFalse(console.path("implicitFlowEnabled").asBoolean(true), "no implicit flow");
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        for (JsonNode uri : console.path("redirectUris")) {
            assertFalse(uri.asText().equals("*") || uri.asText().contains("localhost") || uri.asText().contains("127.0.0.1"),
                    "a redirect to the console only: " + uri.asText());
        }
        for (JsonNode client : prod.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false), client.path("clientId").asText());
            assertFalse(client.has("secret"), "no client secret in the repository: " + client.path("clientId"));
        }
        assertTrue(prod.path("bruteForceProtected").asBoolean());
        assertTrue(prod.path("failureFactor").asInt(0) > 0 && prod.path("failureFactor").asInt() <= 10);
        String policy = prod.path("passwordPolicy").asText();
        assertTrue(policy.matches(".*length\\((1[2-9]|[2-9]\\d)\\).*"), "at least 12 characters: " + policy);
        assertTrue(policy.contains("notUsername") && policy.contains("passwordHistory"), policy);
        assertTrue(prod.path("accessTokenLifespan").asInt(Integer.MAX_VALUE) <= 300, "access tokens live 5 min at most");
        assertEquals("all", prod.path("sslRequired").asText());
        assertFalse(prod.path("registrationAllowed").asBoolean(true));
        assertEquals(0, prod.path("users").size(), "no users, so no default passwords");
        assertFalse(prod.toString().contains("demo"), "nothing of the demo realm's credentials");
    }

    @Test
    void theDemoRealmSaysItIsForTheLocalStack() throws IOException {
        JsonNode demo = realm("monitoring-realm.json");
        assertTrue(demo.path("displayName").asText().contains("DEMO"), demo.path("displayName").asText());
        assertTrue(demo.path("displayName").asText().contains("local stack"));
        // the password grant stays here only: README's curl commands and the demo sign in with it
        assertTrue(client(demo, "monitoring-console").path("directAccessGrantsEnabled").asBoolean());
    }
}
