package cc.monitoring.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start and memory of the running stack (issue 13): each service's ready time and the whole stack's, from the
 * launcher's {@code .local/ready.tsv} ({@code name<TAB>ready-ms<TAB>pid} per component, a last line
 * {@code stack<TAB>total-ms<TAB>launcher-pid}), and each service's resident memory now ({@code VmRSS} of the
 * pid in {@code .local/pids/<name>.pid}). Targets: every service ready in under 3 s and under 250 MB RSS, the
 * stack up in under 30 s.
 */
final class StartAndMemory {

    static final List<String> SERVICES = List.of("permission-service", "interaction-service", "monitoring-service",
            "transcript-service", "telephony-gateway", "web-gateway");
    static final long READY_GOAL_MS = 3_000;
    static final long RSS_GOAL_KB = 250L * 1024;
    static final long STACK_GOAL_MS = 30_000;

    /** The launcher's ready file: ready-ms per component (in file order) and the stack's total, when written. */
    record Ready(Map<String, Long> readyMs, Optional<Long> stackMs) {
    }

    private StartAndMemory() {
    }

    /** Parses ready.tsv; lines that are not {@code name<TAB>number[<TAB>pid]} are skipped. */
    static Ready parse(List<String> lines) {
        Map<String, Long> ready = new LinkedHashMap<>();
        Long stack = null;
        for (String line : lines) {
            String[] f = line.trim().split("\t");
            if (f.length < 2 || f[0].isBlank()) {
                continue;
            }
            long ms;
            try {
                ms = Long.parseLong(f[1].trim());
            } catch (NumberFormatException e) {
                continue;
            }
            if (f[0].trim().equals("stack")) {
                stack = ms;
            } else {
                ready.put(f[0].trim(), ms);
            }
        }
        return new Ready(ready, Optional.ofNullable(stack));
    }

    /** VmRSS in kB of /proc/<pid>/status, or -1. */
    static long rssKb(long pid) {
        try {
            return parseVmRssKb(Files.readAllLines(Path.of("/proc/" + pid + "/status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parseVmRssKb(List<String> status) {
        for (String l : status) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Prints the per-service table and returns the three targets. */
    static List<Target> run(Path local) {
        Path file = local.resolve("ready.tsv");
        Ready ready = null;
        if (Files.isRegularFile(file)) {
            try {
                ready = parse(Files.readAllLines(file));
            } catch (IOException e) {
                Benchmark.say("  cannot read " + file + ": " + e);
            }
        } else {
            Benchmark.say("  " + file + " is missing: the launcher did not write ready times (ready and stack targets not measured)");
        }
        Map<String, Long> pids = Cpu.pids(local.resolve("pids"));
        Map<String, Long> rss = new LinkedHashMap<>();
        Benchmark.say(String.format("  %-22s %10s %10s %8s", "service", "ready", "RSS", "pid"));
        for (String s : SERVICES) {
            Long pid = pids.get(s);
            long kb = pid == null ? -1 : rssKb(pid);
            if (kb >= 0) {
                rss.put(s, kb);
            }
            Long ms = ready == null ? null : ready.readyMs().get(s);
            Benchmark.say(String.format("  %-22s %10s %10s %8s", s, ms == null ? "-" : String.format("%.2f s", ms / 1000.0),
                    kb < 0 ? "-" : String.format("%d MB", kb / 1024), pid == null ? "-" : pid));
        }
        if (ready != null) {
            ready.readyMs().forEach((n, ms) -> {
                if (!SERVICES.contains(n)) {
                    Benchmark.say(String.format("  %-22s %10s", n, String.format("%.2f s", ms / 1000.0)));
                }
            });
            Benchmark.say("  stack: " + ready.stackMs().map(ms -> String.format("%.1f s", ms / 1000.0)).orElse("no 'stack' line"));
        }
        List<Target> targets = new ArrayList<>();
        targets.add(readyTarget(ready));
        targets.add(rssTarget(rss));
        targets.add(stackTarget(ready));
        return targets;
    }

    static Target readyTarget(Ready ready) {
        String name = "each service ready";
        String goal = "< 3 s each, " + SERVICES.size() + " services";
        if (ready == null) {
            return new Target(name, goal, "not measured (no .local/ready.tsv)", false, "");
        }
        List<String> missing = new ArrayList<>();
        String worst = null;
        long worstMs = -1;
        for (String s : SERVICES) {
            Long ms = ready.readyMs().get(s);
            if (ms == null) {
                missing.add(s);
            } else if (ms > worstMs) {
                worstMs = ms;
                worst = s;
            }
        }
        if (worst == null) {
            return new Target(name, goal, "not measured (no service in ready.tsv)", false, "");
        }
        String measured = String.format("max %.2f s (%s)", worstMs / 1000.0, worst)
                + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing));
        return new Target(name, goal, measured, missing.isEmpty() && worstMs < READY_GOAL_MS, "");
    }

    static Target rssTarget(Map<String, Long> rssKb) {
        String name = "each service resident memory (VmRSS now)";
        String goal = "< 250 MB each";
        List<String> missing = SERVICES.stream().filter(s -> !rssKb.containsKey(s)).toList();
        if (rssKb.isEmpty()) {
            return new Target(name, goal, "not measured (no pids in .local/pids)", false, "");
        }
        Map.Entry<String, Long> worst = rssKb.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String measured = String.format("max %d MB (%s)", worst.getValue() / 1024, worst.getKey())
                + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing));
        return new Target(name, goal, measured, missing.isEmpty() && worst.getValue() < RSS_GOAL_KB, "");
    }

    static Target stackTarget(Ready ready) {
        String name = "full stack up (bin/stack up)";
        String goal = "< 30 s";
        if (ready == null || ready.stackMs().isEmpty()) {
            return new Target(name, goal, "not measured (no 'stack' line in .local/ready.tsv)", false, "");
        }
        long ms = ready.stackMs().get();
        return new Target(name, goal, String.format("%.1f s", ms / 1000.0), ms < STACK_GOAL_MS, "");
    }
}
