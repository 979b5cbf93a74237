package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** A conversation request from the channel platform that cannot be applied as sent. */
public final class InvalidConversationException extends DomainException {
    public InvalidConversationException(String detail) {
        super(Kind.INVALID, "invalid-conversation", "Invalid conversation request", detail);
    }
}
