package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** Ended is final: nobody joins an ended interaction. */
public final class InteractionEndedException extends DomainException {
    public InteractionEndedException(String id) {
        super(Kind.CONFLICT, "interaction-ended", "Interaction ended", "Interaction " + id + " has ended");
    }
}
