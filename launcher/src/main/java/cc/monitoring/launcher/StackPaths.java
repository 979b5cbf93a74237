package cc.monitoring.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack keeps its files: the repository root (found from the working directory,
 * or {@code -Dstack.root} / {@code STACK_ROOT}), data under {@code .local/}, logs under
 * {@code .local/logs/<name>.log}, pid files under {@code .local/pids/<name>.pid}.
 */
public final class StackPaths {

    private final Path root;
    private final Path local;

    public StackPaths(Path root, Path local) {
        this.root = root.toAbsolutePath().normalize();
        this.local = local.toAbsolutePath().normalize();
    }

    /** The repository root found from the working directory, with data in {@code <root>/.local}. */
    public static StackPaths detect() {
        String configured = System.getProperty("stack.root", System.getenv("STACK_ROOT"));
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : findRoot(Path.of("").toAbsolutePath());
        return new StackPaths(root, root.resolve(".local"));
    }

    private static Path findRoot(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("launcher"))
                    && Files.isDirectory(p.resolve("deploy"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root from " + from
                + ": run from inside the repository or set STACK_ROOT");
    }

    public Path root() { return root; }
    public Path local() { return local; }

    public Path logs() { return dir(local.resolve("logs")); }
    public Path pids() { return dir(local.resolve("pids")); }
    public Path log(String name) { return logs().resolve(name + ".log"); }
    public Path pidFile(String name) { return pids().resolve(name + ".pid"); }
    public Path stackPidFile() { return dir(local).resolve("stack.pid"); }

    /** A directory under {@code .local/}, created when missing. */
    public Path data(String name) { return dir(local.resolve(name)); }

    static Path dir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
