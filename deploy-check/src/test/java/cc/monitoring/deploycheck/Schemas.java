package cc.monitoring.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendored JSON schemas (src/test/resources/schemas, origins and licenses in its NOTICE.md), one per
 * apiVersion and kind the manifests use: Kubernetes 1.30 "standalone-strict" (no unknown field anywhere) and the
 * Strimzi and CloudNativePG custom resources. A kind without a schema here is an error, not a pass.
 */
final class Schemas {

    private static final String KUBERNETES = "schemas/kubernetes/v1.30.0-standalone-strict/";
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("v1/Namespace", KUBERNETES + "namespace-v1.json"),
            Map.entry("v1/ConfigMap", KUBERNETES + "configmap-v1.json"),
            Map.entry("v1/Secret", KUBERNETES + "secret-v1.json"),
            Map.entry("v1/Service", KUBERNETES + "service-v1.json"),
            Map.entry("v1/ServiceAccount", KUBERNETES + "serviceaccount-v1.json"),
            Map.entry("apps/v1/Deployment", KUBERNETES + "deployment-apps-v1.json"),
            Map.entry("policy/v1/PodDisruptionBudget", KUBERNETES + "poddisruptionbudget-policy-v1.json"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", KUBERNETES + "horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("networking.k8s.io/v1/Ingress", KUBERNETES + "ingress-networking-v1.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", KUBERNETES + "networkpolicy-networking-v1.json"),
            Map.entry("kafka.strimzi.io/v1/Kafka", "schemas/strimzi/kafka_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", "schemas/strimzi/kafkanodepool_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", "schemas/strimzi/kafkatopic_v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", "schemas/strimzi/kafkauser_v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Cluster", "schemas/cloudnative-pg/cluster_v1.json"));

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Schema> loaded = new HashMap<>();

    /** Problems of one resource: none if it is valid against the schema of its apiVersion and kind. */
    List<String> problems(Manifests.Resource resource) {
        return problems(resource.apiVersion(), resource.kind(), resource.node());
    }

    List<String> problems(String apiVersion, String kind, JsonNode node) {
        String type = apiVersion + "/" + kind;
        String path = BY_TYPE.get(type);
        if (path == null) {
            return List.of("no schema for " + type + " (add it to deploy-check's Schemas and vendor it)");
        }
        Schema schema = loaded.computeIfAbsent(path, this::load);
        List<Error> errors = schema.validate(node);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private Schema load(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema " + resource + " is not on the test classpath");
            }
            JsonNode schema = json.readTree(in);
            // the Kubernetes schemas name "http://json-schema.org/schema#" (no version); they are draft 4
            ((com.fasterxml.jackson.databind.node.ObjectNode) schema).remove("$schema");
            return registry.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
