package cc.monitoring.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks which packages of a service may import which (issue 9: api → service → domain / persistence,
 * messaging.in → service, service → messaging.out). Reads the module's main sources (a test runs in the
 * module's directory), so it needs no extra library. A class belongs to the longest layer name that prefixes
 * its package below the service's base package ({@code provider.twilio} belongs to {@code provider}); a
 * layer may always import itself. Only imports of the service's own packages are looked at.
 */
public final class PackageArrows {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);

    private PackageArrows() {
    }

    /**
     * Every import under {@code src/main/java} that goes against {@code allowed} (layer → the layers it may
     * import), as "{@code File.java: layer -> imported.Class}"; a package that is no layer is reported too.
     */
    public static List<String> violations(String basePackage, Map<String, Set<String>> allowed) {
        Path root = Path.of("src/main/java", basePackage.split("\\."));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                String from = pkg.find() ? layerOf(basePackage, pkg.group(1) + ".", allowed) : null;
                if (from == null) {
                    found.add(root.relativize(file) + ": its package is not one of " + allowed.keySet());
                    continue;
                }
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    String imported = imports.group(1);
                    if (!imported.startsWith(basePackage + ".")) {
                        continue;
                    }
                    String to = layerOf(basePackage, imported, allowed);
                    if (!from.equals(to) && (to == null || !allowed.get(from).contains(to))) {
                        found.add(root.relativize(file) + ": " + from + " -> " + imported);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String layerOf(String basePackage, String name, Map<String, Set<String>> layers) {
        if (!name.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = name.substring(basePackage.length() + 1);
        return layers.keySet().stream()
                .filter(layer -> rest.startsWith(layer + "."))
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
    }
}
