package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidFailureException extends DomainException {
    public InvalidFailureException(String detail) {
        super(Kind.INVALID, "invalid-failure", "Invalid simulated failure", detail);
    }
}
