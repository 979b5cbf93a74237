package cc.monitoring.benchmark;

import java.util.List;

/**
 * Only the table phase ({@link TableLoad}) against the running stack, until {@code --profile full} runs it:
 * {@code java -cp benchmark/target/benchmark.jar cc.monitoring.benchmark.TableLoadMain [--table-rows N] [--table-rps R]}.
 */
public final class TableLoadMain {

    private TableLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        List<Target> targets = TableLoad.run(o, new Setup(o), References.none());
        System.out.println();
        targets.forEach(t -> System.out.println(t.line()));
        System.exit(0);
    }
}
