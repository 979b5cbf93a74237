package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class UnknownRoleException extends DomainException {
    public UnknownRoleException(String name) {
        super(Kind.INVALID, "unknown-role", "Unknown role", "There is no role named '" + name + "'");
    }
}
