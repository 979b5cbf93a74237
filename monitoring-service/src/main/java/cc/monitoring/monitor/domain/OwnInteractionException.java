package cc.monitoring.monitor.domain;

public final class OwnInteractionException extends MonitoringRefusedException {
    public static final String TYPE = "own-interaction";

    public OwnInteractionException() {
        super(Kind.FORBIDDEN, TYPE, "Own interaction", "You are the agent on this interaction and cannot monitor it");
    }
}
