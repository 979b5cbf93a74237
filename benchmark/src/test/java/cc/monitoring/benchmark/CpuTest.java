package cc.monitoring.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuTest {

    @Test
    void statLineUtimeStimeAndEndedChildrenInSecondsEvenWithSpacesInTheCommand() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 1234 566 150 50 20 0 40 0 100 0 0";
        assertEquals(20.0, Cpu.parseStatSeconds(stat), 1e-9);
    }

    @Test
    void machineBusyIsEverythingButIdleAndIowait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals((100 + 5 + 50 + 3 + 2 + 1) / 100.0,
                Cpu.parseMachineBusySeconds("cpu  100 5 50 9999 777 3 2 1 0 0"), 1e-9);
    }

    @Test
    void usageIsTheDifferenceAndAProcessStartedDuringThePhaseCountsFromZero() {
        Cpu.Snapshot before = new Cpu.Snapshot(0, Map.of("monitoring-service", 10.0, "kafka", 5.0), 100, 1.0);
        Cpu.Snapshot after = new Cpu.Snapshot(2_000_000_000L, Map.of("monitoring-service", 12.5, "kafka", 5.5,
                "monitoring-service-copy", 1.5), 103, 2.5);
        Cpu.Usage u = Cpu.between("p", before, after);
        assertEquals(2.0, u.wallSeconds(), 1e-9);
        assertEquals(2.5, u.of("monitoring-service"), 1e-9);
        assertEquals(0.5, u.of("kafka"), 1e-9);
        assertEquals(1.5, u.of("monitoring-service-copy"), 1e-9);
        assertEquals(3.0, u.machineBusySeconds(), 1e-9);
        assertEquals(1.25, u.cores("monitoring-service"), 1e-9);
    }

    @Test
    void pidsAreReadFromTheLaunchersPidFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("monitoring-service.pid"), "123\n");
        Files.writeString(dir.resolve("postgres.pid"), " 77 ");
        Files.writeString(dir.resolve("broken.pid"), "");
        Files.writeString(dir.resolve("notes.txt"), "9");
        assertEquals(Map.of("monitoring-service", 123L, "postgres", 77L), Cpu.pids(dir));
        assertTrue(Cpu.pids(dir.resolve("missing")).isEmpty());
    }

    @Test
    void tableHasOneRowPerProcessAndOneColumnPerPhase() {
        Cpu.Table t = new Cpu.Table();
        t.add(new Cpu.Usage("throughput", 60, Map.of("monitoring-service", 42.0), 90, 3.1));
        t.add(new Cpu.Usage("transcript", 30, Map.of("transcript-service", 20.0), 40, 2.0));
        var lines = t.lines();
        assertTrue(lines.get(0).contains("throughput") && lines.get(0).contains("transcript"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("monitoring-service") && l.contains("42.0") && l.contains("0.0")),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("load") && l.contains("3.10")), String.join("\n", lines));
    }
}
