package cc.monitoring.launcher;

import java.time.Duration;
import java.util.List;

/** A server given by an environment variable: nothing is started or stopped. */
public record ExternalServer(String name, String label, String address, String variable) implements StackComponent {

    @Override
    public void start() {
        // nothing to start; LocalStack prints "<label> using <address> (external, from <variable>)"
    }

    @Override
    public void stop() {
    }

    @Override
    public String describe() {
        return String.format("%-12s %s  (external, from %s)", label, address, variable);
    }

    @Override
    public Duration startupTime() {
        return Duration.ZERO;
    }

    @Override
    public List<ProcessHandle> processes() {
        return List.of();
    }

    @Override
    public boolean managed() {
        return false;
    }
}
