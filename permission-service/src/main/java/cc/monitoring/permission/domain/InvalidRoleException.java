package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidRoleException extends DomainException {
    public InvalidRoleException(String detail) {
        super(Kind.INVALID, "invalid-role", "Invalid role", detail);
    }
}
