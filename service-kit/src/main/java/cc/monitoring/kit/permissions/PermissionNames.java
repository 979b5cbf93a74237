package cc.monitoring.kit.permissions;

/**
 * The names of the permissions permission-service grants, as they travel on {@code permission-events}.
 * Compare with these, never with literals of one's own.
 */
public final class PermissionNames {

    /** Silently monitor any monitorable interaction of the tenant (B01). */
    public static final String MONITOR_ALL_CALLS = "MONITOR_ALL_CALLS";
    /** Unmute while monitoring a voice call (B02). */
    public static final String BARGE_ALL_CALLS = "BARGE_ALL_CALLS";
    /** Whisper to the agent only (B50). */
    public static final String COACH_CALLS = "COACH_CALLS";
    public static final String MANAGE_USERS = "MANAGE_USERS";
    /** Read the audit trail, and every monitor leg (B40, B07). */
    public static final String VIEW_AUDIT = "VIEW_AUDIT";
    /** Open the transcript of an ended, monitored digital interaction as an audited review (B34, B41). */
    public static final String REVIEW_TRANSCRIPTS = "REVIEW_TRANSCRIPTS";
    /** Machine permission of the channel platform: write into conversations (B35). */
    public static final String HANDLE_CONVERSATIONS = "HANDLE_CONVERSATIONS";
    /** Machine permission of the phone simulator: place and hang up simulated calls, inject failures (B07). */
    public static final String OPERATE_SIMULATOR = "OPERATE_SIMULATOR";

    private PermissionNames() {
    }
}
