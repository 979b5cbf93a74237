package cc.monitoring.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds of the stack's processes (the pids in {@code .local/pids/<name>.pid}, each with its descendants,
 * live or ended: PostgreSQL's backends count for postgres) and of the whole machine, from Linux {@code /proc}. A phase takes a
 * {@link Snapshot} before and after and reports {@link #between}; {@link Table} prints the phases side by side.
 * Elsewhere than Linux every number is 0.
 */
final class Cpu {

    /** USER_HZ: the unit of /proc's utime and stime (100 on every Linux the JDK runs on). */
    static final double CLOCK_TICKS = 100.0;

    private Cpu() {
    }

    /** CPU seconds per process name, the machine's busy CPU seconds and its 1-minute load, at one moment. */
    record Snapshot(long atNanos, Map<String, Double> seconds, double machineBusySeconds, double load1) {
    }

    /** One phase: wall time, CPU seconds per process, machine busy CPU seconds, load average at its end. */
    record Usage(String phase, double wallSeconds, Map<String, Double> seconds, double machineBusySeconds, double load1) {

        double of(String name) {
            return seconds.getOrDefault(name, 0.0);
        }

        /** Average cores used by one process over the phase. */
        double cores(String name) {
            return wallSeconds <= 0 ? 0 : of(name) / wallSeconds;
        }

        String line() {
            StringBuilder b = new StringBuilder(String.format("  CPU, %s: %.0f s wall, machine %.1f CPU s (%.2f cores of %d), load %.2f;",
                    phase, wallSeconds, machineBusySeconds, wallSeconds <= 0 ? 0 : machineBusySeconds / wallSeconds,
                    Runtime.getRuntime().availableProcessors(), load1));
            seconds.forEach((n, s) -> b.append(String.format(" %s %.1f s", n, s)));
            return b.toString();
        }
    }

    static Snapshot now() {
        return now(Path.of(".local", "pids"));
    }

    static Snapshot now(Path pidsDir) {
        return now(pidsDir, Map.of());
    }

    /** {@code extra}: processes the launcher does not know (the benchmark's own second instance). */
    static Snapshot now(Path pidsDir, Map<String, Long> extra) {
        Map<String, Double> seconds = new TreeMap<>();
        pids(pidsDir).forEach((name, pid) -> seconds.put(name, processTreeSeconds(pid)));
        extra.forEach((name, pid) -> seconds.put(name, processTreeSeconds(pid)));
        return new Snapshot(System.nanoTime(), seconds, machineBusySeconds(), load1());
    }

    static Usage between(String phase, Snapshot before, Snapshot after) {
        Map<String, Double> d = new TreeMap<>();
        after.seconds().forEach((name, s) -> {
            Double b = before.seconds().get(name);
            // a process that started during the phase counts from zero
            d.put(name, Math.max(0, b == null || b > s ? s : s - b));
        });
        return new Usage(phase, (after.atNanos() - before.atNanos()) / 1e9, d,
                Math.max(0, after.machineBusySeconds() - before.machineBusySeconds()), after.load1());
    }

    /** The stack's processes by name: {@code <dir>/<name>.pid}. */
    static Map<String, Long> pids(Path pidsDir) {
        Map<String, Long> pids = new TreeMap<>();
        if (!Files.isDirectory(pidsDir)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(pidsDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(f -> {
                String name = f.getFileName().toString();
                try {
                    pids.put(name.substring(0, name.length() - 4), Long.parseLong(Files.readString(f).trim()));
                } catch (IOException | NumberFormatException e) {
                    // a pid file being written or removed
                }
            });
        } catch (IOException e) {
            // no pids
        }
        return pids;
    }

    /** utime + stime of a process and its live descendants, in seconds. */
    static double processTreeSeconds(long pid) {
        double s = processSeconds(pid);
        List<Long> children = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> children.add(d.pid())));
        for (long c : children) {
            s += processSeconds(c);
        }
        return s;
    }

    static double processSeconds(long pid) {
        try {
            return parseStatSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * utime (field 14) + stime (field 15) + cutime + cstime (16, 17: its children that ended and were waited for,
     * e.g. PostgreSQL backends of closed connections) of a /proc/<pid>/stat line; the command (field 2) may hold
     * spaces. Live children are counted by {@link #processTreeSeconds}, so nothing counts twice.
     */
    static double parseStatSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / CLOCK_TICKS;
    }

    /** Busy CPU seconds of the whole machine since boot: /proc/stat's first line minus idle and iowait. */
    static double machineBusySeconds() {
        try {
            return parseMachineBusySeconds(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static double parseMachineBusySeconds(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy / CLOCK_TICKS;
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The phases' usages as a table: one row per process, one column per phase (CPU seconds). */
    static final class Table {
        private final List<Usage> phases = new ArrayList<>();

        synchronized void add(Usage u) {
            phases.add(u);
        }

        synchronized List<String> lines() {
            List<String> out = new ArrayList<>();
            if (phases.isEmpty()) {
                return out;
            }
            StringBuilder head = new StringBuilder(String.format("  %-22s", "CPU seconds"));
            phases.forEach(p -> head.append(String.format(" %14s", abbreviate(p.phase()))));
            out.add(head.toString());
            Map<String, Boolean> names = new LinkedHashMap<>();
            phases.forEach(p -> p.seconds().keySet().forEach(n -> names.put(n, true)));
            for (String n : names.keySet()) {
                StringBuilder row = new StringBuilder(String.format("  %-22s", n));
                phases.forEach(p -> row.append(String.format(" %14.1f", p.of(n))));
                out.add(row.toString());
            }
            StringBuilder machine = new StringBuilder(String.format("  %-22s", "machine (busy)"));
            phases.forEach(p -> machine.append(String.format(" %14.1f", p.machineBusySeconds())));
            out.add(machine.toString());
            StringBuilder wall = new StringBuilder(String.format("  %-22s", "wall seconds"));
            phases.forEach(p -> wall.append(String.format(" %14.0f", p.wallSeconds())));
            out.add(wall.toString());
            StringBuilder load = new StringBuilder(String.format("  %-22s", "load (1 min) at end"));
            phases.forEach(p -> load.append(String.format(" %14.2f", p.load1())));
            out.add(load.toString());
            return out;
        }

        private static String abbreviate(String s) {
            return s.length() <= 14 ? s : s.substring(0, 14);
        }
    }
}
