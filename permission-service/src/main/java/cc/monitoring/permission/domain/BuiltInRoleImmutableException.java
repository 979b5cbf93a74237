package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class BuiltInRoleImmutableException extends DomainException {
    public BuiltInRoleImmutableException(String name) {
        super(Kind.CONFLICT, "built-in-role-immutable", "Built-in role cannot change", "'" + name + "' is a built-in role; it cannot be changed or removed");
    }
}
