package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

public final class FlowNotFoundException extends DomainException {
    public FlowNotFoundException(String flowId) {
        super(Kind.NOT_FOUND, "flow-not-found", "No such flow", "No flow " + FlowId.printable(flowId));
    }
}
