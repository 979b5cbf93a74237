package cc.monitoring.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dynamic AppCDS archive per JVM of the stack (JDK 13+, works on 17): {@code .local/cds/<name>-<java version>.jsa}.
 * While there is no archive, or one older than the application it was made from (any file under the given inputs
 * changed, e.g. after a {@code mvn package}), the JVM is started with {@code -XX:ArchiveClassesAtExit} and writes it
 * when it stops (every class the run loaded, including those of Kafka clients, Hibernate and OIDC, which a
 * build-time archive that exits before the runtime start would miss); later starts map it with
 * {@code -XX:SharedArchiveFile}: no parsing or verifying of those classes, and the mapped part is shared between
 * processes. A stale or unusable archive is ignored by the JVM (-Xshare:auto), never fatal.
 * {@code STACK_CDS=off} turns it off.
 */
public final class CdsArchive {

    private final Path archive;
    private final List<Path> inputs;

    public CdsArchive(StackPaths paths, String name, List<Path> inputs) {
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version"))
                .replaceAll("[^A-Za-z0-9.+-]", "_");
        this.archive = paths.data("cds").resolve(name + "-" + java + ".jsa");
        this.inputs = inputs;
    }

    public static boolean enabled() {
        String v = System.getenv("STACK_CDS");
        return v == null || !v.trim().equalsIgnoreCase("off");
    }

    public Path archive() {
        return archive;
    }

    /** True when the archive exists and is newer than every input file. */
    public boolean usable() {
        try {
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(archive);
            for (Path in : inputs) {
                if (newest(in).compareTo(made) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The JVM option for this start: map the archive, or (none usable) record one at exit. Empty when turned off.
     * A new archive is written next to it ({@code .jsa.new}) and only becomes the archive when the JVM stopped
     * cleanly ({@link #stopped}): one killed while writing leaves no half archive behind.
     */
    public List<String> jvmOptions() {
        if (!enabled()) {
            return List.of();
        }
        if (usable()) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        try {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(recording());
        } catch (IOException e) {
            // the JVM overwrites it
        }
        // without -Xlog:cds=off the dump lists every class it skips (thousands of warning lines in the log)
        return List.of("-XX:ArchiveClassesAtExit=" + recording(), "-Xlog:cds=off");
    }

    /** Where a JVM started with {@link #jvmOptions()} records the archive while it runs. */
    public Path recording() {
        return archive.resolveSibling(archive.getFileName() + ".new");
    }

    /**
     * After the JVM stopped: a recorded archive becomes the one later starts map, if the JVM stopped cleanly
     * (not killed, so the archive was written completely); otherwise it is thrown away and recorded again next time.
     */
    public void stopped(boolean clean) {
        Path rec = recording();
        try {
            if (!Files.isRegularFile(rec)) {
                return;
            }
            if (clean && Files.size(rec) > 0) {
                Files.move(rec, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.delete(rec);
            }
        } catch (IOException e) {
            // recorded again on the next start
        }
    }

    private static FileTime newest(Path p) throws IOException {
        if (!Files.exists(p)) {
            return FileTime.fromMillis(0);
        }
        if (!Files.isDirectory(p)) {
            return Files.getLastModifiedTime(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.map(CdsArchive::mtime).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
