package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** A conversation keeps at least one agent until it ends; the last agent ends it instead of leaving. */
public final class LastAgentException extends DomainException {
    public LastAgentException(String interactionId, String agentId) {
        super(Kind.CONFLICT, "last-agent", "Last agent", "Agent " + FlowId.printable(agentId)
                + " is the last agent on interaction " + interactionId + "; end the conversation instead");
    }
}
