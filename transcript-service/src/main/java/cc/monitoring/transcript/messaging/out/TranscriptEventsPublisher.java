package cc.monitoring.transcript.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.contracts.transcript.TranscriptRead;
import cc.monitoring.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Announces read positions (B11) and refused reads (B41) on {@code transcript-events}, key = interaction id,
 * through the outbox.
 */
@ApplicationScoped
public class TranscriptEventsPublisher {

    static final String SOURCE = "/transcript-service";

    private final OutboxWriter outbox;

    public TranscriptEventsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void read(String tenantId, String interactionId, String userId, long position, Instant at) {
        outbox.append(Topics.TRANSCRIPT_EVENTS, interactionId, CloudEvent.of(EventTypes.TRANSCRIPT_READ, SOURCE, tenantId,
                interactionId, new TranscriptRead(tenantId, interactionId, userId, position, at)));
    }

    public void refused(TranscriptAccessRefused refusal) {
        String key = refusal.interactionId() == null || refusal.interactionId().isEmpty() ? "-" : refusal.interactionId();
        outbox.append(Topics.TRANSCRIPT_EVENTS, key, CloudEvent.of(EventTypes.TRANSCRIPT_ACCESS_REFUSED, SOURCE,
                refusal.tenantId(), key, refusal));
    }
}
