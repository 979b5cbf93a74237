package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

public final class SimulatorDisabledException extends DomainException {
    public SimulatorDisabledException() {
        super(Kind.CONFLICT, "simulator-disabled", "Not a simulated provider",
                "The gateway drives a real telephony provider; calls cannot be placed or hung up through it");
    }
}
