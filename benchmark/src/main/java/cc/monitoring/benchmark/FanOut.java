package cc.monitoring.benchmark;

import java.util.List;

/**
 * The fan-out phase of {@code --profile full}: N consoles (live streams spread over tenants) while the table
 * changes C times per second; each change must reach every affected console within p99 500 ms as a row delta.
 */
final class FanOut {

    private FanOut() {
    }

    /** Runs the phase against the running stack and returns its targets (met or not). */
    static List<Target> run(Options o, Setup setup, References references) throws Exception {
        return List.of();
    }
}
