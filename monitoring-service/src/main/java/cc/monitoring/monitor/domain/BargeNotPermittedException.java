package cc.monitoring.monitor.domain;

public final class BargeNotPermittedException extends MonitoringRefusedException {
    public static final String TYPE = "barge-not-permitted";

    public BargeNotPermittedException() {
        super(Kind.FORBIDDEN, TYPE, "Barge not permitted", "Your role does not grant BARGE_ALL_CALLS; you stay muted");
    }
}
