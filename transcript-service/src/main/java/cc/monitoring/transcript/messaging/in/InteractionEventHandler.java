package cc.monitoring.transcript.messaging.in;

import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.kit.messaging.EventHandler;
import cc.monitoring.transcript.persistence.TranscriptRepository;
import cc.monitoring.transcript.domain.InteractionId;
import cc.monitoring.transcript.service.TranscriptChanges;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Keeps every message of every digital interaction (B31) from interaction-events alone, and whether the
 * interaction ended. Every real change notifies the open streams of all instances. Voice interactions
 * have no transcript; participant events are not this service's business.
 */
@ApplicationScoped
public class InteractionEventHandler implements EventHandler {

    /** Longer texts are refused as poison rather than stored. */
    static final int MAX_TEXT = 100_000;

    private final TranscriptRepository transcripts;
    private final TranscriptChanges changes;

    public InteractionEventHandler(TranscriptRepository transcripts, TranscriptChanges changes) {
        this.transcripts = transcripts;
        this.changes = changes;
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case EventTypes.INTERACTION_STARTED -> started(event, event.dataAs(InteractionStarted.class));
            case EventTypes.MESSAGE_POSTED -> posted(event, event.dataAs(MessagePosted.class));
            case EventTypes.INTERACTION_ENDED -> ended(event, event.dataAs(InteractionEnded.class));
            default -> { /* participants, and types this version does not know */ }
        }
    }

    private void started(CloudEvent event, InteractionStarted started) {
        EventChecks.requireSameTenant(event, started.tenantId());
        EventChecks.require(started.interactionId(), "interactionId", InteractionId::isValid);
        if (started.channel() == null) {
            throw new IllegalArgumentException("interaction-started " + event.id() + " names no channel");
        }
        if (started.channel().isDigital()) {
            transcripts.started(started.tenantId(), started.interactionId(), started.channel(),
                    started.startedAt() == null ? event.time() : started.startedAt());
        }
    }

    private void posted(CloudEvent event, MessagePosted message) {
        EventChecks.requireSameTenant(event, message.tenantId());
        EventChecks.require(message.interactionId(), "interactionId", InteractionId::isValid);
        EventChecks.require(message.messageId(), "messageId");
        if (message.sequence() < 1) {
            throw new IllegalArgumentException("message-posted " + event.id() + " has sequence " + message.sequence()
                    + "; sequences count from 1");
        }
        if (message.authorRole() == null || message.text() == null) {
            throw new IllegalArgumentException("message-posted " + event.id() + " lacks its author role or text");
        }
        if (message.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("message-posted " + event.id() + " has a text over " + MAX_TEXT + " characters");
        }
        // stored even before interaction-started was seen: a producer may misbehave, the message still counts
        if (transcripts.add(message)) {
            changes.transcriptChanged(message.interactionId());
        }
    }

    private void ended(CloudEvent event, InteractionEnded ended) {
        EventChecks.requireSameTenant(event, ended.tenantId());
        EventChecks.require(ended.interactionId(), "interactionId", InteractionId::isValid);
        boolean hasTranscript = (ended.channel() != null && ended.channel().isDigital())
                || transcripts.find(ended.interactionId()).isPresent();
        Instant at = ended.endedAt() == null ? event.time() : ended.endedAt();
        if (hasTranscript && transcripts.end(ended.tenantId(), ended.interactionId(), at)) {
            changes.transcriptChanged(ended.interactionId());
        }
    }
}
