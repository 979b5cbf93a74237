package cc.monitoring.monitor.domain;

public final class MonitorNotPermittedException extends MonitoringRefusedException {
    public static final String TYPE = "monitor-not-permitted";

    public MonitorNotPermittedException() {
        super(Kind.FORBIDDEN, TYPE, "Monitoring not permitted", "Your role does not grant MONITOR_ALL_CALLS");
    }
}
