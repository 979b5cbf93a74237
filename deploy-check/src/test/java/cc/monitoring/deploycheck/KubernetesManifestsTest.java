package cc.monitoring.deploycheck;

import cc.monitoring.contracts.Topics;
import cc.monitoring.deploycheck.Manifests.Resource;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * deploy/k8s, checked without a cluster: schemas, overlays, and what running many instances safely needs.
 * Every test collects all problems and fails once listing them, so one run shows everything to fix.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("deploy.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path BASE = K8S.resolve("base");

    /** The writer of each topic (docs/architecture.md, the services table); nobody else may write it. */
    static final Map<String, String> OWNERS = Map.of(
            Topics.PERMISSION_EVENTS, "permission-service",
            Topics.INTERACTION_EVENTS, "interaction-service",
            Topics.AGENT_PRESENCE, "interaction-service",
            Topics.TELEPHONY_COMMANDS, "monitoring-service",
            Topics.TELEPHONY_EVENTS, "telephony-gateway",
            Topics.MONITORING_EVENTS, "monitoring-service",
            Topics.TRANSCRIPT_EVENTS, "transcript-service");

    /** The services that use Kafka (the web gateway does not). */
    static final Set<String> KAFKA_SERVICES = Set.of("permission-service", "interaction-service", "telephony-gateway",
            "monitoring-service", "transcript-service");

    /** Secrets that an operator writes, not a person: Strimzi's cluster CA (plus one per KafkaUser). */
    static final Set<String> OPERATOR_SECRETS = Set.of("monitoring-kafka-cluster-ca-cert");

    private final Schemas schemas = new Schemas();
    private final Manifests base = Manifests.load(BASE);

    @Test
    void everyFileOfTheBaseIsListedInItsKustomizationAndValidAgainstItsSchema() {
        List<String> problems = new ArrayList<>();
        Set<Path> listed = new TreeSet<>();
        for (JsonNode entry : base.kustomization().path("resources")) {
            Path file = BASE.resolve(entry.asText()).normalize();
            if (!Files.isRegularFile(file)) {
                problems.add("kustomization.yaml lists " + entry.asText() + ", which does not exist");
            }
            listed.add(file);
        }
        for (Path file : Manifests.yamlFiles(BASE)) {
            if (!file.getFileName().toString().equals("kustomization.yaml") && !listed.contains(file)) {
                problems.add(BASE.relativize(file) + " is not listed in kustomization.yaml (it would not be applied)");
            }
        }
        for (Resource r : base.resources()) {
            schemas.problems(r).forEach(p -> problems.add(r + ": " + p));
        }
        assertTrue(base.resources().size() > 30, "the base has " + base.resources().size() + " resources");
        assertNoProblems(problems);
    }

    /** The check itself: a misspelt field, a wrong type and a missing required field are each caught. */
    @Test
    void theSchemasRejectWhatAClusterWouldReject() {
        Resource deployment = base.find("Deployment", "monitoring-service").orElseThrow();
        ObjectNode misspelt = deployment.node().deepCopy();
        ((ObjectNode) misspelt.at("/spec/template/spec/containers/0")).put("readynessProbe", "x");
        assertFalse(schemas.problems("apps/v1", "Deployment", misspelt).isEmpty(), "unknown field accepted");
        ObjectNode wrongType = deployment.node().deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "two");
        assertFalse(schemas.problems("apps/v1", "Deployment", wrongType).isEmpty(), "string replicas accepted");
        Resource pool = base.ofKind("KafkaNodePool").get(0);
        ObjectNode noRoles = pool.node().deepCopy();
        ((ObjectNode) noRoles.path("spec")).remove("roles");
        assertFalse(schemas.problems(pool.apiVersion(), pool.kind(), noRoles).isEmpty(), "node pool without roles accepted");
        Resource user = base.ofKind("KafkaUser").get(0);
        ObjectNode badOperation = user.node().deepCopy();
        ((ArrayNode) badOperation.at("/spec/authorization/acls/0/operations")).add("WriteEverything");
        assertFalse(schemas.problems(user.apiVersion(), user.kind(), badOperation).isEmpty(), "unknown ACL operation accepted");
        assertFalse(schemas.problems("v1", "Frobnicator", deployment.node()).isEmpty(), "a kind without schema passed");
    }

    @Test
    void theCloudNativePgExampleIsValid() {
        List<String> problems = new ArrayList<>();
        for (Path file : Manifests.yamlFiles(K8S.resolve("postgres"))) {
            for (Resource r : Manifests.documents(file)) {
                schemas.problems(r).forEach(p -> problems.add(r + ": " + p));
            }
        }
        assertNoProblems(problems);
    }

    /**
     * Each overlay: its own resources are valid, every image and replica count it sets names something of the base,
     * and every patch is a JSON patch on a target that exists, whose paths exist there; the patched resource is
     * valid against its schema again.
     */
    @Test
    void everyOverlayPatchesOnlyWhatExistsAndStaysValid() throws IOException {
        List<Path> overlays;
        try (var dirs = Files.list(K8S.resolve("overlays"))) {
            overlays = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(overlays.isEmpty(), "no overlay under deploy/k8s/overlays");
        List<String> problems = new ArrayList<>();
        for (Path overlayDir : overlays) {
            String overlay = "overlays/" + overlayDir.getFileName() + ": ";
            Manifests m = Manifests.load(overlayDir);
            for (Resource r : m.resources()) {
                schemas.problems(r).forEach(p -> problems.add(overlay + r + ": " + p));
            }
            Set<String> images = new TreeSet<>();
            m.ofKind("Deployment").forEach(d -> d.node().at("/spec/template/spec/containers")
                    .forEach(c -> images.add(c.path("image").asText().replaceFirst(":[^:/]+$", ""))));
            for (JsonNode image : m.kustomization().path("images")) {
                if (!images.contains(image.path("name").asText())) {
                    problems.add(overlay + "images: no container uses " + image.path("name").asText());
                }
            }
            for (JsonNode replicas : m.kustomization().path("replicas")) {
                if (m.find("Deployment", replicas.path("name").asText()).isEmpty()) {
                    problems.add(overlay + "replicas: no Deployment " + replicas.path("name").asText());
                }
            }
            for (JsonNode patch : m.kustomization().path("patches")) {
                problems.addAll(checkPatch(overlay, overlayDir, m, patch));
            }
        }
        assertNoProblems(problems);
    }

    private List<String> checkPatch(String overlay, Path overlayDir, Manifests m, JsonNode patch) {
        JsonNode target = patch.path("target");
        String where = overlay + "patch " + patch.path("path").asText() + ": ";
        if (!patch.has("path") || !target.has("kind") || !target.has("name")) {
            return List.of(where + "needs a path and a target with kind and name (JSON patches on named targets only)");
        }
        Optional<Resource> found = m.find(r -> r.kind().equals(target.path("kind").asText())
                && r.name().equals(target.path("name").asText())
                && r.group().equals(target.path("group").asText(""))
                && (!target.has("version") || r.version().equals(target.path("version").asText())));
        if (found.isEmpty()) {
            return List.of(where + "no " + target + " in the resources");
        }
        JsonNode operations = Manifests.readOne(overlayDir.resolve(patch.path("path").asText()));
        if (!operations.isArray() || operations.isEmpty()) {
            return List.of(where + "is not a JSON patch (a list of operations)");
        }
        List<String> problems = new ArrayList<>();
        ObjectNode patched = found.get().node().deepCopy();
        for (JsonNode op : operations) {
            String problem = apply(patched, op);
            if (problem != null) {
                problems.add(where + problem);
            }
        }
        schemas.problems(found.get().apiVersion(), found.get().kind(), patched)
                .forEach(p -> problems.add(where + "patched " + found.get() + ": " + p));
        return problems;
    }

    /** Applies one {@code replace}, {@code add} or {@code remove}; returns what is wrong, or null. */
    private static String apply(ObjectNode document, JsonNode op) {
        String kind = op.path("op").asText();
        JsonPointer path = JsonPointer.compile(op.path("path").asText());
        JsonNode parent = document.at(path.head());
        String last = path.last().getMatchingProperty();
        boolean exists = !document.at(path).isMissingNode();
        if (parent.isMissingNode() || !parent.isContainerNode()) {
            return kind + " " + path + ": its parent does not exist in the target";
        }
        switch (kind) {
            case "replace", "remove" -> {
                if (!exists) {
                    return kind + " " + path + ": nothing there in the target";
                }
            }
            case "add" -> {
                // adds below an existing parent
            }
            default -> {
                return "operation " + kind + " is not used here (replace, add, remove)";
            }
        }
        if (parent instanceof ObjectNode object) {
            if (kind.equals("remove")) {
                object.remove(last);
            } else {
                object.set(last, op.path("value"));
            }
        } else if (parent instanceof ArrayNode array) {
            int index = last.equals("-") ? array.size() : path.last().getMatchingIndex();
            if (kind.equals("remove")) {
                array.remove(index);
            } else if (kind.equals("replace")) {
                array.set(index, op.path("value"));
            } else {
                array.insert(index, op.path("value"));
            }
        }
        return null;
    }

    /**
     * What a rolling update and a node drain need: every container has the three probes on Quarkus' health
     * endpoints, requests and limits for CPU and memory; every Deployment a PodDisruptionBudget and a Service
     * selecting its pods; every autoscaler a Deployment to scale.
     */
    @Test
    void everyDeploymentHasProbesRequestsLimitsADisruptionBudgetAndAService() {
        List<String> problems = new ArrayList<>();
        List<Resource> deployments = base.ofKind("Deployment");
        assertEquals(6, deployments.size(), "five services and the web gateway");
        for (Resource d : deployments) {
            JsonNode labels = d.node().at("/spec/template/metadata/labels");
            for (JsonNode c : d.node().at("/spec/template/spec/containers")) {
                String container = d + " container " + c.path("name").asText() + ": ";
                probe(c, "startupProbe", "/q/health/started").ifPresent(p -> problems.add(container + p));
                probe(c, "readinessProbe", "/q/health/ready").ifPresent(p -> problems.add(container + p));
                probe(c, "livenessProbe", "/q/health/live").ifPresent(p -> problems.add(container + p));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (c.path("resources").path(bound).path(resource).asText().isEmpty()) {
                            problems.add(container + "no resources." + bound + "." + resource);
                        }
                    }
                }
            }
            if (base.ofKind("PodDisruptionBudget").stream()
                    .noneMatch(pdb -> selects(pdb.node().at("/spec/selector/matchLabels"), labels))) {
                problems.add(d + ": no PodDisruptionBudget selects its pods");
            }
            if (base.ofKind("Service").stream().noneMatch(s -> selects(s.node().at("/spec/selector"), labels))) {
                problems.add(d + ": no Service selects its pods");
            }
            if (d.node().at("/spec/replicas").asInt(1) < 2) {
                problems.add(d + ": fewer than two replicas (a node drain would stop it)");
            }
        }
        for (Resource hpa : base.ofKind("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.node().at("/spec/scaleTargetRef");
            if (!ref.path("kind").asText().equals("Deployment") || base.find("Deployment", ref.path("name").asText()).isEmpty()) {
                problems.add(hpa + ": scales " + ref + ", which is not a Deployment of the base");
            }
            // a consumer group never uses more instances than the topic has partitions
            if (KAFKA_SERVICES.contains(ref.path("name").asText()) && hpa.node().at("/spec/maxReplicas").asInt() > 6) {
                problems.add(hpa + ": more replicas than the six partitions of a topic");
            }
        }
        assertNoProblems(problems);
    }

    private static Optional<String> probe(JsonNode container, String name, String path) {
        JsonNode probe = container.path(name);
        if (probe.isMissingNode()) {
            return Optional.of("no " + name);
        }
        if (!probe.at("/httpGet/path").asText().equals(path)) {
            return Optional.of(name + " is not GET " + path);
        }
        return Optional.empty();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        return StreamSupport.stream(selector.properties().spliterator(), false)
                .allMatch(e -> labels.path(e.getKey()).asText().equals(e.getValue().asText()));
    }

    /** Topics as the contract designs them: name, partitions, compaction; nothing on top of them. */
    @Test
    void everyTopicOfTheContractHasAKafkaTopicAsDesigned() {
        List<String> problems = new ArrayList<>();
        Map<String, Resource> byName = new TreeMap<>();
        for (Resource t : base.ofKind("KafkaTopic")) {
            byName.put(t.node().at("/spec/topicName").asText(t.name()), t);
            if (!t.node().at("/metadata/labels/strimzi.io~1cluster").asText().equals("monitoring-kafka")) {
                problems.add(t + ": not labelled for the cluster monitoring-kafka");
            }
        }
        for (Topics.Spec spec : Topics.all()) {
            Resource t = byName.remove(spec.name());
            if (t == null) {
                problems.add("no KafkaTopic for " + spec.name());
                continue;
            }
            JsonNode s = t.node().path("spec");
            if (s.path("partitions").asInt() != spec.partitions()) {
                problems.add(t + ": " + s.path("partitions").asInt() + " partitions, the contract has " + spec.partitions());
            }
            if (s.path("replicas").asInt() < 3) {
                problems.add(t + ": fewer than three replicas");
            }
            String cleanup = s.at("/config/cleanup.policy").asText("delete");
            if (spec.compacted() != cleanup.equals("compact")) {
                problems.add(t + ": cleanup.policy " + cleanup + ", the contract says compacted=" + spec.compacted());
            }
        }
        byName.keySet().forEach(extra -> problems.add("KafkaTopic " + extra + " is not a topic of the contract (Topics)"));
        assertNoProblems(problems);
    }

    /**
     * One principal per service, read by that service's Deployment; writes: only the owner of a topic (so only
     * monitoring-service commands the telephony gateway), and no ACL on a wildcard or prefix that would widen it.
     */
    @Test
    void everyServiceHasAKafkaUserAndOnlyTheOwnerOfATopicWritesIt() {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> writers = new TreeMap<>();
        for (String service : KAFKA_SERVICES) {
            Optional<Resource> user = base.find("KafkaUser", service);
            if (user.isEmpty()) {
                problems.add("no KafkaUser " + service);
                continue;
            }
            if (!user.get().node().at("/spec/authentication/type").asText().equals("scram-sha-512")) {
                problems.add(user.get() + ": not a SCRAM-SHA-512 user (the cluster's tls listener)");
            }
            for (JsonNode acl : user.get().node().at("/spec/authorization/acls")) {
                JsonNode resource = acl.path("resource");
                if (!resource.path("patternType").asText("literal").equals("literal") || resource.path("name").asText().contains("*")) {
                    problems.add(user.get() + ": ACL on " + resource + " is not on one named resource");
                }
                Set<String> ops = StreamSupport.stream(acl.path("operations").spliterator(), false)
                        .map(JsonNode::asText).collect(Collectors.toSet());
                if (acl.path("type").asText("allow").equals("allow") && resource.path("type").asText().equals("topic")
                        && (ops.contains("Write") || ops.contains("All"))) {
                    writers.computeIfAbsent(resource.path("name").asText(), t -> new TreeSet<>()).add(service);
                }
            }
            Resource deployment = base.find("Deployment", service).orElseThrow();
            boolean readsItsSecret = deployment.node().at("/spec/template/spec/containers/0/env").findValues("secretKeyRef")
                    .stream().anyMatch(ref -> ref.path("name").asText().equals(service)
                            && ref.path("key").asText().equals("sasl.jaas.config"));
            if (!readsItsSecret) {
                problems.add(deployment + ": does not take KAFKA_SASL_JAAS_CONFIG from its KafkaUser's Secret " + service);
            }
        }
        OWNERS.forEach((topic, owner) -> {
            Set<String> actual = writers.getOrDefault(topic, Set.of());
            if (!actual.equals(Set.of(owner))) {
                problems.add(topic + " is written by " + actual + ", only its owner " + owner + " may");
            }
        });
        assertEquals(Set.of("monitoring-service"), writers.get(Topics.TELEPHONY_COMMANDS),
                "only monitoring-service writes telephony-commands");
        writers.keySet().stream().filter(t -> !OWNERS.containsKey(t) && !t.endsWith(".dlq"))
                .forEach(t -> problems.add("a service may write " + t + ", which is no topic of the contract"));
        assertNoProblems(problems);
    }

    /**
     * Configuration reaches the services under the names they read: every variable of a service's ConfigMaps and
     * env is one its application.properties uses (or a Kafka client property, KAFKA_*, that Quarkus hands to
     * every Kafka client, or one Quarkus reads itself: QUARKUS_CONFIG_LOCATIONS), every ConfigMap a Deployment names exists, and every Secret it reads is written by an
     * operator or listed in deploy/k8s/README.md, which says how to create it.
     */
    /** Variables Quarkus reads itself, before any application.properties (extra configuration files). */
    private static final Set<String> QUARKUS_OWN = Set.of("QUARKUS_CONFIG_LOCATIONS");

    @Test
    void everyVariableIsOneTheServiceReadsAndEverySecretIsDocumented() throws IOException {
        List<String> problems = new ArrayList<>();
        String readme = Files.readString(K8S.resolve("README.md"));
        Set<String> kafkaUsers = base.ofKind("KafkaUser").stream().map(Resource::name).collect(Collectors.toSet());
        for (Resource d : base.ofKind("Deployment")) {
            Set<String> known = variablesRead(d.name());
            JsonNode container = d.node().at("/spec/template/spec/containers/0");
            Set<String> variables = new LinkedHashSet<>();
            for (JsonNode from : container.path("envFrom")) {
                String name = from.at("/configMapRef/name").asText();
                Optional<Resource> map = base.find("ConfigMap", name);
                if (map.isEmpty()) {
                    problems.add(d + ": ConfigMap " + name + " does not exist");
                } else {
                    map.get().node().path("data").fieldNames().forEachRemaining(variables::add);
                }
            }
            container.path("env").forEach(e -> variables.add(e.path("name").asText()));
            for (String variable : variables) {
                if (!known.contains(variable) && !variable.startsWith("KAFKA_") && !QUARKUS_OWN.contains(variable)) {
                    problems.add(d + ": " + variable + " is read nowhere in " + d.name() + "'s application.properties");
                }
            }
            Set<String> secrets = new TreeSet<>(container.findValues("secretKeyRef").stream()
                    .map(ref -> ref.path("name").asText()).toList());
            d.node().at("/spec/template/spec/volumes").findValues("secretName").forEach(n -> secrets.add(n.asText()));
            for (String secret : secrets) {
                if (!kafkaUsers.contains(secret) && !OPERATOR_SECRETS.contains(secret) && !readme.contains("`" + secret + "`")) {
                    problems.add(d + ": reads Secret " + secret + ", which README.md does not explain");
                }
            }
        }
        assertNoProblems(problems);
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private static Set<String> variablesRead(String module) throws IOException {
        Path properties = ROOT.resolve(module).resolve("src/main/resources/application.properties");
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(properties));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
