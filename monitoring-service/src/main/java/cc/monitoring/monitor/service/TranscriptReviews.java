package cc.monitoring.monitor.service;

import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.config.MonitoringConfig;
import cc.monitoring.monitor.domain.MonitoringRefusedException;
import cc.monitoring.monitor.domain.ReviewPolicy;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.domain.Supervisor;
import cc.monitoring.monitor.messaging.out.MonitoringEventsPublisher;
import cc.monitoring.monitor.persistence.Directory;
import cc.monitoring.monitor.persistence.InteractionEntity;
import cc.monitoring.monitor.persistence.InteractionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * B34: an explicit review of an ended, monitored digital interaction. Starting one is audited (B41, refusals
 * too) and announced on {@code monitoring-events}, from which transcript-service lets the reviewer read the
 * transcript until the review expires.
 */
@ApplicationScoped
public class TranscriptReviews {

    /** A started review: {@code reviewer} may read the transcript of {@code interactionId} until {@code expiresAt}. */
    public record Review(String reviewId, String interactionId, String reviewer, Instant expiresAt) {
    }

    private final Directory directory;
    private final InteractionRepository interactions;
    private final MonitoringEventsPublisher publisher;
    private final AuditTrail audit;
    private final MonitoringConfig config;

    public TranscriptReviews(Directory directory, InteractionRepository interactions, MonitoringEventsPublisher publisher,
                             AuditTrail audit, MonitoringConfig config) {
        this.directory = directory;
        this.interactions = interactions;
        this.publisher = publisher;
        this.audit = audit;
        this.config = config;
    }

    @Transactional
    public Review start(Caller caller, String interactionId) {
        Supervisor reviewer = directory.supervisor(caller);
        Optional<InteractionEntity> found = interactions.findByIdOptional(interactionId);
        try {
            ReviewPolicy.checkMayReview(reviewer, found.map(InteractionEntity::toDomain),
                    found.map(i -> i.monitored).orElse(false));
        } catch (MonitoringRefusedException refusal) {
            boolean known = found.filter(i -> i.tenantId.equals(caller.tenantId())).isPresent();
            audit.refused(caller, AuditTrail.Action.REVIEW_TRANSCRIPT, known ? interactionId : null, null, refusal.type());
            throw refusal;
        }
        Instant now = Times.now();
        Review review = new Review(UUID.randomUUID().toString(), interactionId, caller.userId(),
                now.plus(config.reviewDuration()));
        audit.acceptedFor(caller, reviewer.displayName(), AuditTrail.Action.REVIEW_TRANSCRIPT, interactionId,
                "until " + review.expiresAt());
        publisher.transcriptReviewGranted(new TranscriptReviewGranted(caller.tenantId(), interactionId, caller.userId(),
                review.reviewId(), review.expiresAt(), now));
        return review;
    }
}
