package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class RoleInUseException extends DomainException {
    public RoleInUseException(String name) {
        super(Kind.CONFLICT, "role-in-use", "Role in use", "Role '" + name + "' is held by users; give them another role first");
    }
}
