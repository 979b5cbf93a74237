package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidUserException extends DomainException {
    public InvalidUserException(String detail) {
        super(Kind.INVALID, "invalid-user", "Invalid user", detail);
    }
}
