package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidCallException extends DomainException {
    public InvalidCallException(String detail) {
        super(Kind.INVALID, "invalid-call", "Invalid call", detail);
    }
}
