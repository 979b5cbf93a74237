package cc.monitoring.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The resources of a kustomization as plain YAML documents: the files its {@code resources} list names (a directory
 * there is another kustomization, read the same way). No generators, no transformers: what is listed is what is
 * applied, so reading the files is reading the manifests.
 */
record Manifests(Path directory, JsonNode kustomization, List<Resource> resources) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One YAML document of a file ({@code index} counts from 0). */
    record Resource(Path file, int index, JsonNode node) {
        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        /** The API group: "" for the core group ({@code v1}), else what comes before the slash. */
        String group() {
            String v = apiVersion();
            return v.contains("/") ? v.substring(0, v.indexOf('/')) : "";
        }

        String version() {
            String v = apiVersion();
            return v.contains("/") ? v.substring(v.indexOf('/') + 1) : v;
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + file.getFileName() + " #" + index + ")";
        }
    }

    static Manifests load(Path directory) {
        JsonNode kustomization = readOne(directory.resolve("kustomization.yaml"));
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path target = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(load(target).resources());
            } else {
                resources.addAll(documents(target));
            }
        }
        return new Manifests(directory, kustomization, List.copyOf(resources));
    }

    /** The non-empty YAML documents of a file. */
    static List<Resource> documents(Path file) {
        List<Resource> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(new Resource(file, index, node));
                }
                index++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }

    static JsonNode readOne(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every {@code .yaml} file under a directory, sorted. */
    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Resource> ofKind(String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    Optional<Resource> find(String kind, String name) {
        return find(r -> r.kind().equals(kind) && r.name().equals(name));
    }

    Optional<Resource> find(Predicate<Resource> match) {
        return resources.stream().filter(match).findFirst();
    }
}
