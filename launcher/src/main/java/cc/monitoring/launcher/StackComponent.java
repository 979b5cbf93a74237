package cc.monitoring.launcher;

import java.time.Duration;
import java.util.List;

/** One piece of the local stack: started in order, stopped in reverse order. */
public interface StackComponent {

    /** Short name, also the name of its log file ({@code .local/logs/<name>.log}). */
    String name();

    /** Starts the piece and returns once it is ready; throws {@link StartupException} otherwise. */
    void start();

    /** Stops every process the piece started (idempotent). */
    void stop();

    /** Where it listens, for the summary printed after start-up. */
    String describe();

    /** How long {@link #start()} took (zero when not started or an external server is used). */
    Duration startupTime();

    /** The OS processes of this piece (root processes; their descendants are found from them). */
    List<ProcessHandle> processes();

    /** The pid of the piece's main process (its JVM), 0 when none: what {@code .local/ready.tsv} names. */
    default long mainPid() {
        List<ProcessHandle> p = processes();
        return p.isEmpty() ? 0 : p.get(0).pid();
    }

    /** False when an existing server is used instead (nothing was started). */
    default boolean managed() {
        return true;
    }
}
