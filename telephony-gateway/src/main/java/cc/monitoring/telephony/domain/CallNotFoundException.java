package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

public final class CallNotFoundException extends DomainException {
    public CallNotFoundException(String callId) {
        super(Kind.NOT_FOUND, "call-not-found", "No such call", "No call " + callId);
    }
}
