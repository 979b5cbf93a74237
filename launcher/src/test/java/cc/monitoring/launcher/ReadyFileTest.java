package cc.monitoring.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyFileTest {

    @TempDir
    Path root;

    @Test
    void everyUpStartsAFreshFileWithOneTabSeparatedLinePerReadyComponentAndTheStackLast() throws Exception {
        StackPaths paths = new StackPaths(root, root.resolve(".local"));
        Files.createDirectories(paths.local());
        Files.writeString(paths.local().resolve("ready.tsv"), "kafka\t9999\t1\nstack\t99999\t2\n");

        ReadyFile ready = ReadyFile.fresh(paths);
        assertEquals("", Files.readString(ready.path()), "the previous up's lines are gone");

        ready.ready("kafka", Duration.ofMillis(2345), 101);
        ready.ready("permission-service", Duration.ofMillis(2999), 202);
        ready.stack(Duration.ofMillis(12_345));

        List<String> lines = Files.readAllLines(paths.local().resolve("ready.tsv"));
        assertEquals(List.of("kafka\t2345\t101", "permission-service\t2999\t202",
                "stack\t12345\t" + ProcessHandle.current().pid()), lines);
    }
}
