package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

/** Call details (and with them who is listening) are not for agents (B07). */
public final class CallDetailsNotPermittedException extends DomainException {
    public CallDetailsNotPermittedException() {
        super(Kind.FORBIDDEN, "call-details-not-permitted", "Not permitted to see call details",
                "Call details are for monitors (MONITOR_ALL_CALLS), audit readers (VIEW_AUDIT) and the phone simulator");
    }
}
