package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** Also the answer for another tenant's interaction (B06): its existence is not revealed. */
public final class InteractionNotFoundException extends DomainException {
    public InteractionNotFoundException(String id) {
        super(Kind.NOT_FOUND, "interaction-not-found", "No such interaction", "No interaction " + FlowId.printable(id));
    }
}
