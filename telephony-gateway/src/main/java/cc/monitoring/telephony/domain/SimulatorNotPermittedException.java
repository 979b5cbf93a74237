package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

/** Driving the simulated phone network is the phone simulator's job, not a person's role (B07). */
public final class SimulatorNotPermittedException extends DomainException {
    public SimulatorNotPermittedException() {
        super(Kind.FORBIDDEN, "simulator-not-permitted", "Not permitted to operate the simulator",
                "Placing or hanging up calls and injecting failures needs the OPERATE_SIMULATOR permission");
    }
}
