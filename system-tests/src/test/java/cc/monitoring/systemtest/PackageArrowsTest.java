package cc.monitoring.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows inside every service, checked on the sources (plain JUnit: no service runs).
 * Inside {@code cc.monitoring.<svc>}:
 * <pre>
 *   api ──→ service ──→ domain / persistence
 *            │
 *            └──→ messaging.out          messaging.in ──→ service, persistence, domain
 * </pre>
 * <ul>
 *   <li>{@code domain} imports nothing of its service but {@code domain} (contracts and the kit are fine);</li>
 *   <li>{@code persistence} never imports {@code service}, {@code api} or {@code messaging};</li>
 *   <li>{@code service} never imports {@code messaging.in} or {@code api};</li>
 *   <li>{@code messaging.in} never imports {@code api};</li>
 *   <li>{@code messaging.out} never imports {@code messaging.in}, {@code service} or {@code api};</li>
 *   <li>every class of {@code messaging} lives in {@code messaging.in} (the Kafka adapter and the handlers)
 *       or {@code messaging.out} (the publishers).</li>
 * </ul>
 * Packages outside these ({@code config}, {@code health}, telephony-gateway's {@code provider}) are not
 * constrained here. A reference counts whether imported (also static and wildcard imports) or written out
 * fully qualified in the code.
 */
class PackageArrowsTest {

    static final List<String> SERVICES = List.of(
            "permission-service", "interaction-service", "monitoring-service", "telephony-gateway",
            "transcript-service");

    /** layer of the importing class → layers it must not reference. */
    static final Map<String, Set<String>> FORBIDDEN = Map.of(
            "persistence", Set.of("service", "api", "messaging", "messaging.in", "messaging.out"),
            "service", Set.of("messaging.in", "api"),
            "messaging.in", Set.of("api"),
            "messaging.out", Set.of("messaging.in", "service", "api"));

    static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");

    @Test
    void packageArrowsPointOneWayInEveryService() {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String service : SERVICES) {
            Path sources = root().resolve(service).resolve("src/main/java");
            assertTrue(Files.isDirectory(sources), "no sources at " + sources);
            for (Path file : javaFiles(sources)) {
                files++;
                violations.addAll(check(root().relativize(file).toString(), read(file)));
            }
        }
        assertTrue(files > 0, "no Java sources found under " + root());
        assertEquals(List.of(), violations, violations.size() + " references against the package arrows:\n  "
                + String.join("\n  ", violations) + "\n");
    }

    /** The violations of one source file, each as {@code path:line: what}. */
    static List<String> check(String path, List<String> lines) {
        String pkg = "";
        int packageLine = 1;
        for (int i = 0; i < lines.size() && pkg.isEmpty(); i++) {
            Matcher m = PACKAGE.matcher(lines.get(i));
            if (m.find()) {
                pkg = m.group(1);
                packageLine = i + 1;
            }
        }
        String[] parts = pkg.split("\\.");
        if (parts.length < 3 || !parts[0].equals("cc") || !parts[1].equals("monitoring")) {
            return List.of();
        }
        String base = "cc.monitoring." + parts[2];
        String own = layer(pkg.equals(base) ? "" : pkg.substring(base.length() + 1));
        List<String> violations = new ArrayList<>();
        if (own.equals("messaging")) {
            violations.add(path + ":" + packageLine + ": a class of messaging belongs in messaging.in (adapter, handlers) or "
                    + "messaging.out (publishers), not in " + pkg);
        }
        Pattern reference = Pattern.compile(Pattern.quote(base) + "\\.([a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.(?:[A-Z*])");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("package ") || line.startsWith("//") || line.startsWith("*")
                    || line.startsWith("/*")) {
                continue;
            }
            Matcher m = reference.matcher(line);
            while (m.find()) {
                String target = layer(m.group(1));
                if (forbidden(own, target)) {
                    violations.add(path + ":" + (i + 1) + ": " + own + " → " + target + " (" + line + ")");
                }
            }
        }
        return violations;
    }

    static boolean forbidden(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        if (from.equals("domain")) {
            return true; // domain imports nothing of its service except domain
        }
        return FORBIDDEN.getOrDefault(from, Set.of()).contains(to);
    }

    /** {@code messaging.in.x} → {@code messaging.in}; {@code persistence.y} → {@code persistence}. */
    static String layer(String relativePackage) {
        String[] segments = relativePackage.split("\\.");
        if (segments[0].equals("messaging")) {
            return segments.length > 1 && (segments[1].equals("in") || segments[1].equals("out"))
                    ? "messaging." + segments[1] : "messaging";
        }
        return segments[0];
    }

    @Test
    void theCheckSeesABackImportAndAFullyQualifiedReference() {
        List<String> found = check("x/Repo.java", List.of(
                "package cc.monitoring.monitor.persistence;",
                "import cc.monitoring.monitor.domain.Session;",
                "import cc.monitoring.monitor.service.SessionService;",
                "class Repo { cc.monitoring.monitor.api.Thing t; }"));
        assertEquals(2, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("x/Repo.java:3: persistence → service"), found.get(0));
        assertTrue(found.get(1).startsWith("x/Repo.java:4: persistence → api"), found.get(1));
        assertEquals(List.of(), check("x/Handler.java", List.of(
                "package cc.monitoring.monitor.messaging.in;",
                "import cc.monitoring.monitor.service.SessionService;",
                "import static cc.monitoring.monitor.persistence.Rows.*;",
                "import cc.monitoring.kit.messaging.IncomingEvents;")));
        assertEquals(1, check("x/Rules.java", List.of(
                "package cc.monitoring.monitor.domain;",
                "import cc.monitoring.monitor.config.MonitoringConfig;")).size());
        assertEquals(1, check("x/Old.java", List.of("package cc.monitoring.monitor.messaging;")).size());
    }

    static Path root() {
        return Path.of(System.getProperty("systemtest.root", "..")).toAbsolutePath().normalize();
    }

    static List<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
