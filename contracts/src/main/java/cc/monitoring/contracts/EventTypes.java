package cc.monitoring.contracts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Values of the CloudEvents {@code type} attribute, grouped by topic, and for each the JSON Schema of its
 * {@code data} (the {@code dataschema} attribute).
 * <p>
 * Naming: {@code cc.monitoring.<aggregate>.<event>.v<major>}: the reverse-DNS prefix {@code cc.monitoring}, the
 * aggregate that owns the payload record (the sub-package of this module and the directory of its schema:
 * {@code permission}, {@code interaction}, {@code telephony}, {@code monitoring}, {@code transcript}), the
 * event's kebab-case name and the major version of its payload schema ({@link #SCHEMA_VERSION}). At most 100
 * characters (the outbox's {@code event_type} column).
 * <p>
 * The release before this one wrote bare names ({@code monitor-joined}, {@code barge}, …). {@link #canonical}
 * maps them to the names here, and {@link EventJson#read} applies it, so records of that release still on a
 * topic are applied. Remove the legacy names once no topic can hold such a record (one release and the topics'
 * retention, see contracts/README.md).
 */
public final class EventTypes {

    /** Version of every payload schema in this module (the {@code .v1} of every type); bump on an incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    /** Base of every schema's {@code $id} and of every {@code dataschema} (private: every String constant here is a type). */
    private static final String SCHEMA_BASE_URI = "https://monitoring.example.com/schemas/";

    // permission-events
    public static final String USER_PERMISSIONS_CHANGED = "cc.monitoring.permission.user-permissions-changed.v1";
    public static final String USER_REMOVED = "cc.monitoring.permission.user-removed.v1";

    // interaction-events (key = interaction id)
    public static final String INTERACTION_STARTED = "cc.monitoring.interaction.interaction-started.v1";
    public static final String PARTICIPANT_JOINED = "cc.monitoring.interaction.participant-joined.v1";
    public static final String PARTICIPANT_LEFT = "cc.monitoring.interaction.participant-left.v1";
    public static final String MESSAGE_POSTED = "cc.monitoring.interaction.message-posted.v1";
    public static final String INTERACTION_ENDED = "cc.monitoring.interaction.interaction-ended.v1";

    // agent-presence (key = tenantId/userId)
    public static final String AGENT_LOGGED_IN = "cc.monitoring.interaction.agent-logged-in.v1";
    public static final String AGENT_LOGGED_OUT = "cc.monitoring.interaction.agent-logged-out.v1";

    // telephony-commands (key = call id)
    public static final String DIAL_MONITOR_LEG = "cc.monitoring.telephony.dial-monitor-leg.v1";
    public static final String SET_MONITOR_LEG_MODE = "cc.monitoring.telephony.set-monitor-leg-mode.v1";
    public static final String HANG_UP_MONITOR_LEG = "cc.monitoring.telephony.hang-up-monitor-leg.v1";

    // telephony-events (key = call id)
    public static final String CALL_STARTED = "cc.monitoring.telephony.call-started.v1";
    public static final String CALL_ENDED = "cc.monitoring.telephony.call-ended.v1";
    public static final String MONITOR_LEG_CONNECTED = "cc.monitoring.telephony.monitor-leg-connected.v1";
    public static final String MONITOR_LEG_FAILED = "cc.monitoring.telephony.monitor-leg-failed.v1";
    /** The provider confirmed a mode change: {@code mode} is the leg's mode now (B29). */
    public static final String MONITOR_LEG_MODE_CHANGED = "cc.monitoring.telephony.monitor-leg-mode-changed.v1";
    /** The provider refused (or could not carry out) a mode change: {@code mode} is the mode the leg keeps,
     * {@code reason} says why (B29). */
    public static final String MONITOR_LEG_MODE_REFUSED = "cc.monitoring.telephony.monitor-leg-mode-refused.v1";
    public static final String MONITOR_LEG_ENDED = "cc.monitoring.telephony.monitor-leg-ended.v1";

    // monitoring-events (key = interaction id)
    public static final String MONITOR_REQUESTED = "cc.monitoring.monitoring.monitor-requested.v1";
    public static final String MONITOR_JOINED = "cc.monitoring.monitoring.monitor-joined.v1";
    public static final String MONITOR_BARGED = "cc.monitoring.monitoring.monitor-barged.v1";
    public static final String MONITOR_MUTED = "cc.monitoring.monitoring.monitor-muted.v1";
    public static final String MONITOR_COACHING = "cc.monitoring.monitoring.monitor-coaching.v1";
    public static final String MONITOR_ENDED = "cc.monitoring.monitoring.monitor-ended.v1";
    /** A requested mode change was refused by the provider; the session keeps its confirmed mode (B29). */
    public static final String MONITOR_MODE_REFUSED = "cc.monitoring.monitoring.monitor-mode-refused.v1";
    /** An administrator may read an ended, monitored transcript until a time: its review started (B34, B41). */
    public static final String TRANSCRIPT_REVIEW_GRANTED = "cc.monitoring.monitoring.transcript-review-granted.v1";

    // transcript-events (key = interaction id)
    public static final String TRANSCRIPT_READ = "cc.monitoring.transcript.transcript-read.v1";
    /** A person was refused reading a transcript; audited by monitoring-service (B41). */
    public static final String TRANSCRIPT_ACCESS_REFUSED = "cc.monitoring.transcript.transcript-access-refused.v1";

    /** Every type → the schema of its data, relative to {@link #SCHEMA_BASE_URI}. */
    private static final Map<String, String> SCHEMAS = new LinkedHashMap<>();
    /** The bare names of the previous release → the type now. */
    private static final Map<String, String> LEGACY = new LinkedHashMap<>();

    static {
        type(USER_PERMISSIONS_CHANGED, "permission/user-permissions-changed", "user-permissions-changed");
        type(USER_REMOVED, "permission/user-removed", "user-removed");
        type(INTERACTION_STARTED, "interaction/interaction-started", "interaction-started");
        type(PARTICIPANT_JOINED, "interaction/participant-changed", "participant-joined");
        type(PARTICIPANT_LEFT, "interaction/participant-changed", "participant-left");
        type(MESSAGE_POSTED, "interaction/message-posted", "message-posted");
        type(INTERACTION_ENDED, "interaction/interaction-ended", "interaction-ended");
        type(AGENT_LOGGED_IN, "interaction/agent-presence-changed", "agent-logged-in");
        type(AGENT_LOGGED_OUT, "interaction/agent-presence-changed", "agent-logged-out");
        type(DIAL_MONITOR_LEG, "telephony/dial-monitor-leg", "dial-monitor-leg");
        type(SET_MONITOR_LEG_MODE, "telephony/set-monitor-leg-mode", "set-monitor-leg-mode");
        type(HANG_UP_MONITOR_LEG, "telephony/hang-up-monitor-leg", "hang-up-monitor-leg");
        type(CALL_STARTED, "telephony/call-started", "call-started");
        type(CALL_ENDED, "telephony/call-ended", "call-ended");
        type(MONITOR_LEG_CONNECTED, "telephony/monitor-leg-event", "monitor-leg-connected");
        type(MONITOR_LEG_FAILED, "telephony/monitor-leg-event", "monitor-leg-failed");
        type(MONITOR_LEG_MODE_CHANGED, "telephony/monitor-leg-event", "monitor-leg-muted-changed");
        type(MONITOR_LEG_MODE_REFUSED, "telephony/monitor-leg-event", "monitor-leg-mode-refused");
        type(MONITOR_LEG_ENDED, "telephony/monitor-leg-event", "monitor-leg-ended");
        type(MONITOR_REQUESTED, "monitoring/monitoring-event", "monitor-requested");
        type(MONITOR_JOINED, "monitoring/monitoring-event", "monitor-joined");
        type(MONITOR_BARGED, "monitoring/monitoring-event", "barge");
        type(MONITOR_MUTED, "monitoring/monitoring-event", "monitor-muted");
        type(MONITOR_COACHING, "monitoring/monitoring-event", "coach");
        type(MONITOR_ENDED, "monitoring/monitoring-event", "monitor-ended");
        type(MONITOR_MODE_REFUSED, "monitoring/monitoring-event", "monitor-mode-refused");
        type(TRANSCRIPT_REVIEW_GRANTED, "monitoring/transcript-review-granted", "transcript-review-granted");
        type(TRANSCRIPT_READ, "transcript/transcript-read", "transcript-read");
        type(TRANSCRIPT_ACCESS_REFUSED, "transcript/transcript-access-refused", "transcript-access-refused");
    }

    private EventTypes() {
    }

    private static void type(String type, String record, String legacy) {
        SCHEMAS.put(type, record + ".v" + SCHEMA_VERSION + ".json");
        LEGACY.put(legacy, type);
    }

    /** Every type, in the order above. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(SCHEMAS.keySet());
    }

    /**
     * The type as this release names it: a bare name of the previous release ({@code monitor-joined},
     * {@code barge}, …) becomes its namespaced type; any other value (a current type, a type this release does
     * not know) is returned as it is.
     */
    public static String canonical(String type) {
        return type == null ? null : LEGACY.getOrDefault(type, type);
    }

    /** The path of the envelope's JSON Schema under {@code schemas/} (in this jar) and under the schemas' base URI. */
    public static String envelopeSchemaPath() {
        return "cloudevent.v1.json";
    }

    /** The {@code $id} of the envelope's JSON Schema. */
    public static String envelopeSchema() {
        return SCHEMA_BASE_URI + envelopeSchemaPath();
    }

    /**
     * The path of the JSON Schema of {@code type}'s data under {@code schemas/} (in this jar) and under
     * the schemas' base URI, e.g. {@code monitoring/monitoring-event.v1.json}; null for a type not declared here.
     */
    public static String schemaPath(String type) {
        return SCHEMAS.get(type);
    }

    /** The {@code dataschema} of {@code type}: the {@code $id} of its data's JSON Schema; null for an unknown type. */
    public static String dataschema(String type) {
        String path = schemaPath(type);
        return path == null ? null : SCHEMA_BASE_URI + path;
    }
}
