package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

import java.util.Arrays;
import java.util.stream.Collectors;

public final class UnknownPermissionException extends DomainException {
    public UnknownPermissionException(String name) {
        super(Kind.INVALID, "unknown-permission", "Unknown permission", "'" + name + "' is not a permission; known: " + known());
    }

    private static String known() {
        return Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
