package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

public final class InvalidFlowException extends DomainException {
    public InvalidFlowException(String detail) {
        super(Kind.INVALID, "invalid-flow", "Invalid flow", detail);
    }
}
