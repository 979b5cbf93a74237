package cc.monitoring.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsArchiveTest {

    @TempDir
    Path root;

    @Test
    void recordsAnArchiveAtExitUntilOneNewerThanTheApplicationExistsThenMapsIt() throws Exception {
        StackPaths paths = new StackPaths(root, root.resolve(".local"));
        Path app = Files.createDirectories(root.resolve("svc/target/quarkus-app/lib/main"));
        Path jar = Files.writeString(app.resolve("a.jar"), "v1");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        CdsArchive cds = new CdsArchive(paths, "svc", List.of(root.resolve("svc/target/quarkus-app")));

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + cds.recording(), "-Xlog:cds=off"), cds.jvmOptions(), "no archive yet");

        Files.writeString(cds.recording(), "half an archive"); // the JVM was killed while writing it
        cds.stopped(false);
        assertFalse(Files.exists(cds.recording()));
        assertFalse(cds.usable());

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + cds.recording(), "-Xlog:cds=off"), cds.jvmOptions());
        Files.writeString(cds.recording(), "archive"); // what the JVM writes when it stops
        cds.stopped(true);
        assertTrue(cds.usable());
        assertEquals(List.of("-XX:SharedArchiveFile=" + cds.archive()), cds.jvmOptions());

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60))); // rebuilt after the archive
        assertFalse(cds.usable());
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + cds.recording(), "-Xlog:cds=off"), cds.jvmOptions(), "recorded again");
        assertFalse(Files.exists(cds.archive()), "the stale archive is deleted");
    }

    @Test
    void anArchiveIsPerJavaVersionAndName() {
        StackPaths paths = new StackPaths(root, root.resolve(".local"));
        Path archive = new CdsArchive(paths, "keycloak", List.of()).archive();
        assertEquals(paths.local().resolve("cds"), archive.getParent());
        assertTrue(archive.getFileName().toString().startsWith("keycloak-" + Runtime.version().feature()));
    }
}
