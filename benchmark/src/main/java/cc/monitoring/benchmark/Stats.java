package cc.monitoring.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in milliseconds; nearest-rank percentiles. */
final class Stats {

    private final String name;
    private final List<Double> samples = Collections.synchronizedList(new ArrayList<>());

    Stats(String name) {
        this.name = name;
    }

    void add(double ms) {
        samples.add(ms);
    }

    int count() {
        return samples.size();
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        return percentile(100);
    }

    String line() {
        if (count() == 0) {
            return String.format("  %-58s no samples", name);
        }
        return String.format("  %-58s n=%-5d p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms", name, count(),
                percentile(50), percentile(95), percentile(99), max());
    }
}
