package cc.monitoring.monitor.domain;

public final class InteractionNotEndedException extends MonitoringRefusedException {
    public static final String TYPE = "interaction-not-ended";

    public InteractionNotEndedException() {
        super(Kind.CONFLICT, TYPE, "Interaction not ended", "The interaction is live: monitor it instead of reviewing it");
    }
}
