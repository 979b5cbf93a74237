package cc.monitoring.monitor.domain;

/** Permission names as permission-service publishes them. */
public final class Permissions {
    public static final String MONITOR_ALL_CALLS = "MONITOR_ALL_CALLS";
    public static final String BARGE_ALL_CALLS = "BARGE_ALL_CALLS";
    public static final String COACH_CALLS = "COACH_CALLS";
    public static final String VIEW_AUDIT = "VIEW_AUDIT";

    private Permissions() {
    }
}
