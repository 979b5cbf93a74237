package cc.monitoring.monitor.domain;

public final class CoachNotPermittedException extends MonitoringRefusedException {
    public static final String TYPE = "coach-not-permitted";

    public CoachNotPermittedException() {
        super(Kind.FORBIDDEN, TYPE, "Coaching not permitted", "Your role does not grant COACH_CALLS");
    }
}
