package cc.monitoring.kit.live;

/**
 * One change as a subscriber receives it: what changed ({@code key}, chosen by the service that notified)
 * and, when exactly one was named in the notifying transaction, a {@code detail} (the id of the row, say).
 * A <em>resync</em> ({@code key == null}) says that changes may have been missed (the listener reconnected,
 * the subscriber fell behind, a payload was too long): look at everything again.
 */
public record LiveChange(String channel, String key, String detail) {

    public static LiveChange resync(String channel) {
        return new LiveChange(channel, null, null);
    }

    public boolean isResync() {
        return key == null;
    }
}
