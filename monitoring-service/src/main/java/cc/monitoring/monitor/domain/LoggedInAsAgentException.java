package cc.monitoring.monitor.domain;

public final class LoggedInAsAgentException extends MonitoringRefusedException {
    public static final String TYPE = "logged-in-as-agent";

    public LoggedInAsAgentException() {
        super(Kind.CONFLICT, TYPE, "Logged in as agent", "You are logged into the agent desktop; log out of it before monitoring");
    }
}
