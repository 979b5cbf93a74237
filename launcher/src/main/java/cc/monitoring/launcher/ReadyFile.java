package cc.monitoring.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * {@code .local/ready.tsv}: created fresh by every {@code bin/stack up}, one line per component when it is ready,
 * {@code name<TAB>ready-ms<TAB>pid} (launch → ready in milliseconds; the pid of the component's process, for
 * Keycloak its JVM), and a last line {@code stack<TAB>total-ms<TAB>launcher-pid} when everything is up (before
 * the demo). An existing server used instead of a started one (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}) gets no line.
 * The benchmark reads it.
 */
public final class ReadyFile {

    public static final String STACK = "stack";

    private final Path file;

    private ReadyFile(Path file) {
        this.file = file;
    }

    /** Truncates (or creates) {@code .local/ready.tsv}. */
    public static ReadyFile fresh(StackPaths paths) {
        Path f = paths.local().resolve("ready.tsv");
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, "", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReadyFile(f);
    }

    public Path path() {
        return file;
    }

    /** One line {@code name<TAB>ms<TAB>pid}, appended atomically with respect to other components. */
    public synchronized void ready(String name, Duration launchToReady, long pid) {
        try {
            Files.writeString(file, line(name, launchToReady, pid), StandardOpenOption.APPEND);
        } catch (IOException e) {
            Console.line("  (cannot write " + file + ": " + e.getMessage() + ")");
        }
    }

    /** The last line, once everything is up. */
    public void stack(Duration total) {
        ready(STACK, total, ProcessHandle.current().pid());
    }

    static String line(String name, Duration launchToReady, long pid) {
        return name + '\t' + launchToReady.toMillis() + '\t' + pid + '\n';
    }
}
