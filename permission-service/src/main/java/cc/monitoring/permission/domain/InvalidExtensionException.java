package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidExtensionException extends DomainException {
    public InvalidExtensionException(String detail) {
        super(Kind.INVALID, "invalid-extension", "Invalid extension", detail);
    }
}
