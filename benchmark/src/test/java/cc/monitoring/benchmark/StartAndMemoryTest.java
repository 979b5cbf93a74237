package cc.monitoring.benchmark;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartAndMemoryTest {

    private static final List<String> READY = List.of(
            "postgres\t1800\t100",
            "kafka\t2500\t101",
            "permission-service\t2100\t102",
            "interaction-service\t2200\t103",
            "monitoring-service\t2950\t104",
            "transcript-service\t2000\t105",
            "telephony-gateway\t1900\t106",
            "web-gateway\t1200\t107",
            "stack\t24000\t99");

    @Test
    void readyFileGivesEveryComponentAndTheStackTotal() {
        StartAndMemory.Ready r = StartAndMemory.parse(READY);
        assertEquals(2950L, r.readyMs().get("monitoring-service"));
        assertEquals(8, r.readyMs().size());
        assertEquals(24000L, r.stackMs().orElseThrow());
    }

    @Test
    void malformedLinesAreSkippedAndAMissingStackLineIsEmpty() {
        StartAndMemory.Ready r = StartAndMemory.parse(List.of("", "# comment", "kafka\tsoon\t1", "web-gateway\t900\t5"));
        assertEquals(Map.of("web-gateway", 900L), r.readyMs());
        assertTrue(r.stackMs().isEmpty());
    }

    @Test
    void readyTargetIsTheSlowestServiceAndNeedsAllOfThem() {
        Target met = StartAndMemory.readyTarget(StartAndMemory.parse(READY));
        assertTrue(met.met(), met.line());
        assertTrue(met.measured().contains("2.95 s (monitoring-service)"), met.measured());

        List<String> slow = new java.util.ArrayList<>(READY);
        slow.set(4, "monitoring-service\t3000\t104");
        assertFalse(StartAndMemory.readyTarget(StartAndMemory.parse(slow)).met(), "3 s is not under 3 s");

        Target missing = StartAndMemory.readyTarget(StartAndMemory.parse(READY.subList(0, 4)));
        assertFalse(missing.met());
        assertTrue(missing.measured().contains("missing monitoring-service"), missing.measured());

        Target none = StartAndMemory.readyTarget(null);
        assertFalse(none.met());
        assertTrue(none.measured().startsWith("not measured"), none.measured());
    }

    @Test
    void stackTargetUnderThirtySeconds() {
        assertTrue(StartAndMemory.stackTarget(StartAndMemory.parse(READY)).met());
        assertFalse(StartAndMemory.stackTarget(StartAndMemory.parse(List.of("stack\t30000\t1"))).met());
        assertFalse(StartAndMemory.stackTarget(StartAndMemory.parse(READY.subList(0, 3))).met());
    }

    @Test
    void rssTargetIsTheLargestServiceUnder250Mb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        StartAndMemory.SERVICES.forEach(s -> rss.put(s, 200L * 1024));
        rss.put("transcript-service", 249L * 1024);
        Target t = StartAndMemory.rssTarget(rss);
        assertTrue(t.met(), t.line());
        assertTrue(t.measured().contains("249 MB (transcript-service)"), t.measured());
        rss.put("web-gateway", 250L * 1024);
        assertFalse(StartAndMemory.rssTarget(rss).met());
        rss.remove("web-gateway");
        assertFalse(StartAndMemory.rssTarget(rss).met(), "a service without a pid is not measured");
    }

    @Test
    void vmRssIsReadFromProcStatus() {
        assertEquals(123456, StartAndMemory.parseVmRssKb(List.of("Name:\tjava", "VmPeak:\t 999 kB", "VmRSS:\t  123456 kB")));
        assertEquals(-1, StartAndMemory.parseVmRssKb(List.of("Name:\tjava")));
    }
}
