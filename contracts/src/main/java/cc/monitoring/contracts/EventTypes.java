package cc.monitoring.contracts;

/** Values of the CloudEvents {@code type} attribute, grouped by topic. */
public final class EventTypes {

    /** Version of every payload schema in this module; bump on an incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    // permission-events
    public static final String USER_PERMISSIONS_CHANGED = "user-permissions-changed";
    public static final String USER_REMOVED = "user-removed";

    // interaction-events (key = interaction id)
    public static final String INTERACTION_STARTED = "interaction-started";
    public static final String PARTICIPANT_JOINED = "participant-joined";
    public static final String PARTICIPANT_LEFT = "participant-left";
    public static final String MESSAGE_POSTED = "message-posted";
    public static final String INTERACTION_ENDED = "interaction-ended";

    // agent-presence (key = tenantId/userId)
    public static final String AGENT_LOGGED_IN = "agent-logged-in";
    public static final String AGENT_LOGGED_OUT = "agent-logged-out";

    // telephony-commands (key = call id)
    public static final String DIAL_MONITOR_LEG = "dial-monitor-leg";
    public static final String SET_MONITOR_LEG_MODE = "set-monitor-leg-mode";
    public static final String HANG_UP_MONITOR_LEG = "hang-up-monitor-leg";

    // telephony-events (key = call id)
    public static final String CALL_STARTED = "call-started";
    public static final String CALL_ENDED = "call-ended";
    public static final String MONITOR_LEG_CONNECTED = "monitor-leg-connected";
    public static final String MONITOR_LEG_FAILED = "monitor-leg-failed";
    /** The provider confirmed a mode change: {@code mode} is the leg's mode now (B29). */
    public static final String MONITOR_LEG_MODE_CHANGED = "monitor-leg-muted-changed";
    /** The provider refused (or could not carry out) a mode change: {@code mode} is the mode the leg keeps,
     * {@code reason} says why (B29). */
    public static final String MONITOR_LEG_MODE_REFUSED = "monitor-leg-mode-refused";
    public static final String MONITOR_LEG_ENDED = "monitor-leg-ended";

    // monitoring-events (key = interaction id)
    public static final String MONITOR_REQUESTED = "monitor-requested";
    public static final String MONITOR_JOINED = "monitor-joined";
    public static final String MONITOR_BARGED = "barge";
    public static final String MONITOR_MUTED = "monitor-muted";
    public static final String MONITOR_COACHING = "coach";
    public static final String MONITOR_ENDED = "monitor-ended";
    /** A requested mode change was refused by the provider; the session keeps its confirmed mode (B29). */
    public static final String MONITOR_MODE_REFUSED = "monitor-mode-refused";
    /** An administrator may read an ended, monitored transcript until a time: its review started (B34, B41). */
    public static final String TRANSCRIPT_REVIEW_GRANTED = "transcript-review-granted";

    // transcript-events (key = interaction id)
    public static final String TRANSCRIPT_READ = "transcript-read";
    /** A person was refused reading a transcript; audited by monitoring-service (B41). */
    public static final String TRANSCRIPT_ACCESS_REFUSED = "transcript-access-refused";

    private EventTypes() {
    }
}
