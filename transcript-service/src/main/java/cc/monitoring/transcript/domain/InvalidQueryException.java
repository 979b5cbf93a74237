package cc.monitoring.transcript.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidQueryException extends DomainException {
    public InvalidQueryException(String detail) {
        super(Kind.INVALID, "invalid-query", "Invalid query", detail);
    }
}
