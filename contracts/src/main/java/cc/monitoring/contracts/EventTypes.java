package cc.monitoring.contracts;

/** Values of the CloudEvents {@code type} attribute, grouped by topic. */
public final class EventTypes {

    /** Version of every payload schema in this module; bump on an incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    // permission-events
    public static final String USER_PERMISSIONS_CHANGED = "user-permissions-changed";
    public static final String USER_REMOVED = "user-removed";

    private EventTypes() {
    }
}
