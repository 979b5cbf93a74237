package cc.monitoring.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations files agree with each other and with the code (plain JUnit, no services): the Prometheus rule
 * file is YAML in the rule-file shape, the Grafana dashboard is JSON, both use only metrics that docs/operations.md
 * lists, and every {@code monitoring_*} metric listed there is registered somewhere in the code.
 */
class OperationsFilesTest {

    private static final Pattern METRIC = Pattern.compile("\\b((?:monitoring|kafka_consumer|http_server)_[a-z_]+)");
    private static final Set<String> SEVERITIES = Set.of("warning", "critical");

    private static Path root() {
        return PackageArrowsTest.root();
    }

    private static String read(String path) {
        try {
            return Files.readString(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A series name without the suffixes Prometheus adds to counters and histograms. */
    private static String meter(String series) {
        return series.replaceAll("_(bucket|count|sum|max)$", "").replaceAll("_total$", "");
    }

    private static Set<String> metricsIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(meter(m.group(1)));
        }
        return names;
    }

    private static Set<String> documented() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`((?:monitoring|kafka_consumer|http_server)_[a-z_]+)`").matcher(read("docs/operations.md"));
        while (m.find()) {
            names.add(meter(m.group(1)));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alertRules() {
        Map<String, Object> file = new Yaml().load(read("deploy/prometheus/alerts.yml"));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertTrue(group.get("name") instanceof String, "every group is named");
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertRulesAreAPrometheusRuleFileWithSeverityAndSummary() {
        List<Map<String, Object>> rules = alertRules();
        assertFalse(rules.isEmpty());
        for (Map<String, Object> rule : rules) {
            String name = String.valueOf(rule.get("alert"));
            assertTrue(rule.get("expr") instanceof String expr && !expr.isBlank(), name + ": expr");
            assertTrue(rule.get("for") == null || String.valueOf(rule.get("for")).matches("\\d+[smh]"), name + ": for");
            assertTrue(SEVERITIES.contains(((Map<String, Object>) rule.get("labels")).get("severity")), name + ": severity");
            assertTrue(((Map<String, Object>) rule.get("annotations")).get("summary") instanceof String, name + ": summary");
        }
        Set<String> names = rules.stream().map(r -> String.valueOf(r.get("alert"))).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("OutboxEventsWaiting", "DeadLettersGrowing", "SessionsStuckDialing",
                "ConsumerLagHigh")), "the alerts issue 11 asks for: " + names);
        String docs = read("docs/operations.md");
        names.forEach(n -> assertTrue(docs.contains("`" + n + "`"), "docs/operations.md explains " + n));
    }

    @Test
    void alertsAndDashboardUseOnlyDocumentedMetrics() throws IOException {
        Set<String> used = new TreeSet<>();
        alertRules().forEach(r -> used.addAll(metricsIn(String.valueOf(r.get("expr")))));
        JsonNode dashboard = new ObjectMapper().readTree(read("deploy/grafana/interaction-monitoring.json"));
        assertEquals("interaction-monitoring", dashboard.path("uid").asText());
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                used.addAll(metricsIn(target.path("expr").asText()));
                targets++;
            }
        }
        assertTrue(targets > 10, "the dashboard has queries");
        Set<String> undocumented = new TreeSet<>(used);
        undocumented.removeAll(documented());
        assertEquals(Set.of(), undocumented, "used in alerts.yml or the dashboard but not listed in docs/operations.md");
    }

    @Test
    void everyDocumentedDomainMetricIsRegisteredInTheCode() throws IOException {
        List<Path> sources;
        try (Stream<Path> modules = Files.list(root())) {
            sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
        }
        List<Path> javaFiles = new ArrayList<>();
        sources.forEach(s -> javaFiles.addAll(PackageArrowsTest.javaFiles(s)));
        String code;
        {
            code = javaFiles.stream()
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
        for (String metric : documented()) {
            if (!metric.startsWith("monitoring_")) {
                continue; // the Kafka and HTTP binders' meters are Micrometer's
            }
            String dotted = metric.replaceAll("_seconds$", "").replace('_', '.');
            assertTrue(code.contains("\"" + dotted + "\""), metric + " is documented but no meter \"" + dotted + "\" exists");
        }
    }
}
