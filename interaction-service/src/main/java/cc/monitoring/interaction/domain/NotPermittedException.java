package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

public final class NotPermittedException extends DomainException {
    public NotPermittedException(String what) {
        super(Kind.FORBIDDEN, "not-permitted", "Not permitted", what);
    }
}
