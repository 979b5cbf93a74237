package cc.monitoring.benchmark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatiosTest {

    @Test
    void nearestRankPercentiles() {
        Stats s = new Stats("x");
        for (int i = 1; i <= 200; i++) {
            s.add(i);
        }
        assertEquals(100, s.percentile(50));
        assertEquals(198, s.percentile(99));
        assertEquals(200, s.max());
        assertTrue(Double.isNaN(new Stats("empty").percentile(99)));
    }

    @Test
    void ratiosToTheReferencesOfTheSameRun() {
        References r = new References(100_000, 6_000, 12.5);
        assertEquals("5.0 % of the raw broker's 100,000 rec/s", r.ofBroker(5000));
        assertEquals("83.3 % of durable PostgreSQL's 6,000 commits/s", r.ofDurableWrites(5000));
        assertEquals("0.83 events per durable commit (6,000 commits/s)", r.perDurableCommit(5000));
        References none = References.none();
        assertEquals("", none.ofBroker(5000));
        assertEquals("", none.perDurableCommit(5000));
    }

    @Test
    void referencesFromTheMeasurementsTakeTheBrokersSlowerEnd() {
        BrokerThroughput.Result broker = new BrokerThroughput.Result(1_000_000, 0, 110_000, 1_000_000, 95_000);
        DurableWrites.Result writes = new DurableWrites.Result(62_000, 10, "on", "on", null);
        Stats rt = new Stats("rt");
        rt.add(5);
        References r = References.of(broker, writes, rt);
        assertEquals(95_000, r.brokerRecordsPerSecond(), 1e-9);
        assertEquals(6_200, r.durableWritesPerSecond(), 1e-9);
        assertEquals(5, r.kafkaRoundTripP99Ms(), 1e-9);
        assertTrue(writes.durable());
        assertTrue(!new DurableWrites.Result(1, 1, "off", "off", null).durable());
        assertTrue(!new DurableWrites.Result(1, 1, "on", "off", null).durable());
        assertTrue(new DurableWrites.Result(1, 1, "on", "off", null).line().contains("NOT DURABLE"));
        assertEquals(0, References.of(broker, new DurableWrites.Result(0, 0, null, null, "refused"), rt).durableWritesPerSecond());
    }

    @Test
    void expectedScaleOutRatioFromThePerEventCost() {
        // one instance: 4,000 events/s sustained; 100,000 events cost monitoring-service 30 s and the machine 50 s CPU
        // → machine 500 µs/event → 2 cores / 500 µs = 4,000 events/s ceiling → two instances: min(8,000, 4,000) → 1.00×
        String s = Benchmark.expectedRatio(4000, 100_000, 30, 50, 2);
        assertTrue(s.contains("monitoring-service 300 µs CPU/event"), s);
        assertTrue(s.contains("machine 500 µs CPU/event"), s);
        assertTrue(s.contains("4,000 events/s ceiling"), s);
        assertTrue(s.endsWith("→ 1.00×"), s);
        // with 8 cores the ceiling is 16,000 events/s: two instances can double
        assertTrue(Benchmark.expectedRatio(4000, 100_000, 30, 50, 8).endsWith("→ 2.00×"));
    }

    @Test
    void targetLineSaysMetOrNotMetWithTheRatio() {
        String line = new Target("durable throughput", "≥ 5,000 events/s", "5,012 events/s", true, "4.8 % of x").line();
        assertTrue(line.trim().startsWith("MET"), line);
        assertTrue(line.endsWith("· 4.8 % of x"), line);
        assertTrue(new Target("t", "g", "m", false, "").line().trim().startsWith("NOT MET"));
    }
}
