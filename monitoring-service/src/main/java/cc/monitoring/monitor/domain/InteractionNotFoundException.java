package cc.monitoring.monitor.domain;

public final class InteractionNotFoundException extends MonitoringRefusedException {
    public static final String TYPE = "interaction-not-found";

    public InteractionNotFoundException() {
        super(Kind.NOT_FOUND, TYPE, "No such interaction", "No monitorable interaction with this id");
    }
}
