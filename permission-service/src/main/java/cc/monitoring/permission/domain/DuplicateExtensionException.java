package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class DuplicateExtensionException extends DomainException {
    public DuplicateExtensionException(String detail) {
        super(Kind.INVALID, "duplicate-extension", "Duplicate extension", detail);
    }
}
