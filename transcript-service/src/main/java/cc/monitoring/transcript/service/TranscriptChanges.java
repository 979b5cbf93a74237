package cc.monitoring.transcript.service;

import cc.monitoring.kit.live.LiveNotifier;
import cc.monitoring.transcript.config.TranscriptConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * B51: tells every instance's open transcript streams, in the transaction of a change, that something
 * changed (the kit's live channel, delivered when the change commits). Keys: {@code t:<interactionId>}
 * (a message stored, the interaction ended) and {@code a:<tenantId>/<userId>} (what the user may read
 * changed); {@link TranscriptStreams} reads them.
 */
@ApplicationScoped
public class TranscriptChanges {

    static final String TRANSCRIPT = "t:";
    static final String ACCESS = "a:";

    private final LiveNotifier notifier;
    private final String channel;

    public TranscriptChanges(LiveNotifier notifier, TranscriptConfig config) {
        this.notifier = notifier;
        this.channel = config.stream().notifyChannel();
    }

    public void transcriptChanged(String interactionId) {
        notifier.notify(channel, TRANSCRIPT + interactionId);
    }

    public void accessChanged(String tenantId, String userId) {
        notifier.notify(channel, ACCESS + tenantId + "/" + userId);
    }
}
