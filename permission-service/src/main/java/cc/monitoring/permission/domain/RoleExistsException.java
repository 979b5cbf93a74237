package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class RoleExistsException extends DomainException {
    public RoleExistsException(String name) {
        super(Kind.CONFLICT, "role-exists", "Role exists", "A role named '" + name + "' exists already");
    }
}
