package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** A message whose text is empty, too long or carries characters a transcript cannot hold. */
public final class InvalidMessageException extends DomainException {
    public InvalidMessageException(String detail) {
        super(Kind.INVALID, "invalid-message", "Invalid message", detail);
    }
}
