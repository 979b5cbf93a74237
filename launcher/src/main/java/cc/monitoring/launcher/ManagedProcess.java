package cc.monitoring.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One OS process of the stack: started with its output appended to {@code .local/logs/<name>.log},
 * its pid written to {@code .local/pids/<name>.pid}, stopped together with all its descendants
 * (SIGTERM, then SIGKILL after a grace period).
 */
public final class ManagedProcess {

    private final String name;
    private final StackPaths paths;
    private Process process;
    private long logOffset;

    public ManagedProcess(String name, StackPaths paths) {
        this.name = name;
        this.paths = paths;
    }

    public String name() { return name; }
    public Path logFile() { return paths.log(name); }
    public Process process() { return process; }

    /** Starts {@code command} in {@code workDir} with {@code env} added to the inherited environment. */
    public ManagedProcess start(List<String> command, Path workDir, Map<String, String> env) {
        Path log = logFile();
        try {
            appendLog("==== " + LocalDateTime.now() + " starting: " + String.join(" ", command) + System.lineSeparator());
            logOffset = Files.size(log);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            process = pb.start();
            Files.writeString(paths.pidFile(name), Long.toString(process.pid()) + System.lineSeparator());
            return this;
        } catch (IOException e) {
            throw new StartupException(name + ": cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short command to completion (e.g. a formatting tool), output into the same log. */
    public static void runToCompletion(String name, StackPaths paths, List<String> command, Path workDir,
                                       Duration timeout) {
        ManagedProcess p = new ManagedProcess(name, paths).start(command, workDir, Map.of());
        try {
            if (!p.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.stop(Duration.ofSeconds(2));
                throw new StartupException(name + ": did not finish within " + Console.seconds(timeout) + p.tail());
            }
            if (p.process.exitValue() != 0) {
                throw new StartupException(name + ": exited with code " + p.process.exitValue() + p.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException(name + ": interrupted");
        } finally {
            deleteQuietly(paths.pidFile(name));
        }
    }

    /**
     * Waits until {@code ready} holds, printing a dot every second; fails when the process exits or the
     * deadline passes, showing the end of the log.
     */
    public void awaitReady(String what, Duration deadline, BooleanSupplier ready) {
        awaitReady(name, what, deadline, ready, this);
    }

    public static void awaitReady(String name, String what, Duration deadline, BooleanSupplier ready, ManagedProcess proc) {
        Instant end = Instant.now().plus(deadline);
        Instant nextDot = Instant.now().plusSeconds(1);
        while (true) {
            if (safe(ready)) {
                return;
            }
            if (proc != null && proc.process != null && !proc.process.isAlive()) {
                throw new StartupException(name + " exited (code " + proc.process.exitValue() + ") before " + what
                        + proc.tail());
            }
            if (Instant.now().isAfter(end)) {
                throw new StartupException(name + ": not " + what + " after " + Console.seconds(deadline)
                        + (proc != null ? proc.tail() : ""));
            }
            if (Instant.now().isAfter(nextDot)) {
                if (Console.progressDots()) {
                    Console.print(".");
                }
                nextDot = nextDot.plusSeconds(1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(name + ": interrupted while waiting");
            }
        }
    }

    private static boolean safe(BooleanSupplier s) {
        try {
            return s.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True once {@code text} appears in the log after this start (older runs' lines are ignored). */
    public boolean logContains(String text) {
        try (RandomAccessFile f = new RandomAccessFile(logFile().toFile(), "r")) {
            long len = f.length();
            if (len <= logOffset) {
                return false;
            }
            f.seek(logOffset);
            byte[] buf = new byte[(int) Math.min(len - logOffset, 64L * 1024 * 1024)];
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of the log, for error messages. */
    public String tail() {
        return tail(logFile(), 25);
    }

    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return System.lineSeparator() + "---- last lines of " + log + " ----" + System.lineSeparator()
                    + last.stream().map(l -> "  | " + l).collect(Collectors.joining(System.lineSeparator()));
        } catch (IOException | UncheckedIOException e) {
            return " (see " + log + ")";
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Stops the process tree; true when it ended within {@code grace} (false: some process had to be killed). */
    public boolean stop(Duration grace) {
        boolean clean = true;
        if (process != null) {
            clean = terminateTree(process.toHandle(), grace);
        }
        deleteQuietly(paths.pidFile(name));
        return clean;
    }

    /**
     * SIGTERM to a process and all of its descendants (deepest first), wait up to {@code grace},
     * then SIGKILL whatever is left; true when nothing had to be killed.
     */
    public static boolean terminateTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().collect(Collectors.toList()));
        all.sort(Comparator.comparingLong(ProcessHandle::pid).reversed());
        all.add(root);
        for (ProcessHandle h : all) {
            h.destroy();
        }
        Instant end = Instant.now().plus(grace);
        for (ProcessHandle h : all) {
            while (h.isAlive() && Instant.now().isBefore(end)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        boolean clean = true;
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
                clean = false;
            }
        }
        return clean;
    }

    /** Resident memory in kB of a process and its descendants (Linux /proc; 0 elsewhere). */
    public static long rssKb(ProcessHandle root) {
        long total = rssOf(root.pid());
        for (ProcessHandle d : root.descendants().collect(Collectors.toList())) {
            total += rssOf(d.pid());
        }
        return total;
    }

    /** Resident memory in kB of one process (Linux /proc; 0 elsewhere). */
    public static long rssOf(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the process is gone
        }
        return 0;
    }

    /** The process recorded in a pid file, if it is still alive. */
    public static Optional<ProcessHandle> fromPidFile(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void appendLog(String text) throws IOException {
        Files.writeString(logFile(), text, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }
}
