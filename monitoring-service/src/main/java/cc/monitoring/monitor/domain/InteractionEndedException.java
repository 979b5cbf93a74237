package cc.monitoring.monitor.domain;

public final class InteractionEndedException extends MonitoringRefusedException {
    public static final String TYPE = "interaction-ended";

    public InteractionEndedException(String interactionId) {
        super(Kind.CONFLICT, TYPE, "Interaction ended", "Interaction " + interactionId + " has ended");
    }
}
