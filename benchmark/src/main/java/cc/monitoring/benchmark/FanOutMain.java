package cc.monitoring.benchmark;

import java.util.List;

/**
 * Only the fan-out phase, until {@code bin/benchmark --profile full} runs it among the others:
 * {@code java -cp benchmark/target/benchmark.jar cc.monitoring.benchmark.FanOutMain --consoles 1000
 * --changes-per-second 100 --duration 30} against {@code bin/stack up --no-demo} (from the repository's root, so
 * that .local/pids/monitoring-service.pid is found). No references are measured: the ratios stay empty.
 */
public final class FanOutMain {

    private FanOutMain() {
    }

    public static void main(String[] args) {
        int rc = 0;
        try {
            Options o = Options.parse(args);
            List<Target> targets = FanOut.run(o, new Setup(o), References.none());
            Benchmark.say("");
            targets.forEach(t -> Benchmark.say(t.line()));
        } catch (Exception e) {
            System.out.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(System.out);
            rc = 1;
        }
        System.exit(rc);
    }
}
