package cc.monitoring.monitor.domain;

import cc.monitoring.kit.permissions.PermissionNames;

import java.util.Optional;

/**
 * Who may review the transcript of an ended interaction (B34): a holder of {@code REVIEW_TRANSCRIPTS}, for an
 * ENDED digital interaction of their tenant, on a flow with silent monitoring on, that was monitored. Anything
 * else of that tenant that was never monitored does not exist for a reviewer (like another tenant's).
 */
public final class ReviewPolicy {

    private ReviewPolicy() {
    }

    /** Refuses with the reason when {@code reviewer} may not review {@code found} ({@code monitored}: ever). */
    public static Interaction checkMayReview(Supervisor reviewer, Optional<Interaction> found, boolean monitored) {
        if (!reviewer.may(PermissionNames.REVIEW_TRANSCRIPTS)) {
            throw new ReviewNotPermittedException();
        }
        Interaction interaction = MonitoringPolicy.visibleTo(reviewer, found);
        if (interaction.active()) {
            throw new InteractionNotEndedException();
        }
        if (!monitored) {
            throw new InteractionNotFoundException();
        }
        if (!interaction.channel().isDigital()) {
            throw new NotDigitalException();
        }
        return interaction;
    }

    /** Why the table's Review action cannot be used on this row, or empty when it can (B52). */
    public static Optional<String> whyNot(Supervisor reviewer, Interaction interaction, boolean monitored) {
        try {
            checkMayReview(reviewer, Optional.of(interaction), monitored);
            return Optional.empty();
        } catch (MonitoringRefusedException e) {
            return Optional.of(e.type());
        }
    }
}
