package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class NotPermittedException extends DomainException {
    public NotPermittedException(String permission) {
        super(Kind.FORBIDDEN, "not-permitted", "Not permitted", "This needs the " + permission + " permission");
    }
}
