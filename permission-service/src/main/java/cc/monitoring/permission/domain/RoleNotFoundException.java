package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class RoleNotFoundException extends DomainException {
    public RoleNotFoundException(String id) {
        super(Kind.NOT_FOUND, "role-not-found", "No such role", "No role " + id);
    }
}
