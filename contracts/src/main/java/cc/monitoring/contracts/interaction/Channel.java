package cc.monitoring.contracts.interaction;

/** How the customer and the agent talk. Voice can be listened to; the others are read. */
public enum Channel {
    VOICE, CHAT, SMS, MESSAGING;

    public boolean isDigital() {
        return this != VOICE;
    }
}
