package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

public final class CallEndedException extends DomainException {
    public CallEndedException(String callId) {
        super(Kind.CONFLICT, "call-ended", "Call already ended", "Call " + callId + " has already ended");
    }
}
