package cc.monitoring.monitor.domain;

public final class NotVoiceException extends MonitoringRefusedException {
    public static final String TYPE = "not-voice";

    public NotVoiceException(cc.monitoring.contracts.interaction.Channel channel) {
        super(Kind.CONFLICT, TYPE, "Not a voice session", "A " + channel + " session is read-only: it has no microphone to unmute");
    }
}
