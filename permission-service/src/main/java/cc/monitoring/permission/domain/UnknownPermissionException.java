package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class UnknownPermissionException extends DomainException {
    public UnknownPermissionException(String name) {
        super(Kind.INVALID, "unknown-permission", "Unknown permission", "'" + name + "' is not a permission; known: MONITOR_ALL_CALLS, BARGE_ALL_CALLS, COACH_CALLS, MANAGE_USERS, VIEW_AUDIT");
    }
}
