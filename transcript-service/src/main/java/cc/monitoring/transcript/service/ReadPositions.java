package cc.monitoring.transcript.service;

import cc.monitoring.transcript.messaging.out.TranscriptEventsPublisher;
import cc.monitoring.transcript.persistence.ReadPositionRepository;
import cc.monitoring.transcript.persistence.ReadPositionRepository.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** B11: a viewer's read position moves forward only, and each move is announced as transcript-read. */
@ApplicationScoped
@Transactional
public class ReadPositions {

    private final ReadPositionRepository positions;
    private final TranscriptEventsPublisher events;

    public ReadPositions(ReadPositionRepository positions, TranscriptEventsPublisher events) {
        this.positions = positions;
        this.events = events;
    }

    public Position of(String tenantId, String userId, String interactionId) {
        return positions.of(tenantId, userId, interactionId);
    }

    /** The viewer has been delivered everything up to {@code position}; announced if that moved it forward. */
    public void delivered(String tenantId, String userId, String interactionId, long position) {
        Instant now = Instant.now();
        if (positions.advance(tenantId, userId, interactionId, position, now)) {
            events.read(tenantId, interactionId, userId, position, now);
        }
    }
}
