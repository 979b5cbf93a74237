package cc.monitoring.contracts;

import cc.monitoring.contracts.interaction.AgentPresenceChanged;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.interaction.InteractionStarted;
import cc.monitoring.contracts.interaction.MessagePosted;
import cc.monitoring.contracts.interaction.ParticipantChanged;
import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.contracts.monitoring.TranscriptReviewGranted;
import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.CallStarted;
import cc.monitoring.contracts.telephony.DialMonitorLeg;
import cc.monitoring.contracts.telephony.HangUpMonitorLeg;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.contracts.transcript.TranscriptRead;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Shared test fixture: sample records of every event, and for every type of {@link EventTypes} its record and
 * the JSON Schema its data follows (under {@code src/main/resources/schemas/}).
 */
final class EventSamples {

    static final String T = "tenant-a";
    static final Instant AT = Instant.parse("2026-12-03T10:15:30.123456Z");

    /** What the data of one event type is. */
    record TypeContract(String type, Class<? extends Record> record, String schema) {
        String schemaResource() {
            return "schemas/" + schema;
        }
    }

    private static final Map<String, TypeContract> BY_TYPE = new LinkedHashMap<>();

    static {
        contract("permission/user-permissions-changed.v1.json", UserPermissionsChanged.class,
                EventTypes.USER_PERMISSIONS_CHANGED);
        contract("permission/user-removed.v1.json", UserRemoved.class, EventTypes.USER_REMOVED);
        contract("interaction/interaction-started.v1.json", InteractionStarted.class, EventTypes.INTERACTION_STARTED);
        contract("interaction/participant-changed.v1.json", ParticipantChanged.class,
                EventTypes.PARTICIPANT_JOINED, EventTypes.PARTICIPANT_LEFT);
        contract("interaction/message-posted.v1.json", MessagePosted.class, EventTypes.MESSAGE_POSTED);
        contract("interaction/interaction-ended.v1.json", InteractionEnded.class, EventTypes.INTERACTION_ENDED);
        contract("interaction/agent-presence-changed.v1.json", AgentPresenceChanged.class,
                EventTypes.AGENT_LOGGED_IN, EventTypes.AGENT_LOGGED_OUT);
        contract("telephony/dial-monitor-leg.v1.json", DialMonitorLeg.class, EventTypes.DIAL_MONITOR_LEG);
        contract("telephony/set-monitor-leg-mode.v1.json", SetMonitorLegMode.class, EventTypes.SET_MONITOR_LEG_MODE);
        contract("telephony/hang-up-monitor-leg.v1.json", HangUpMonitorLeg.class, EventTypes.HANG_UP_MONITOR_LEG);
        contract("telephony/call-started.v1.json", CallStarted.class, EventTypes.CALL_STARTED);
        contract("telephony/call-ended.v1.json", CallEnded.class, EventTypes.CALL_ENDED);
        contract("telephony/monitor-leg-event.v1.json", MonitorLegEvent.class, EventTypes.MONITOR_LEG_CONNECTED,
                EventTypes.MONITOR_LEG_FAILED, EventTypes.MONITOR_LEG_MODE_CHANGED, EventTypes.MONITOR_LEG_MODE_REFUSED,
                EventTypes.MONITOR_LEG_ENDED);
        contract("monitoring/monitoring-event.v1.json", MonitoringEvent.class, EventTypes.MONITOR_REQUESTED,
                EventTypes.MONITOR_JOINED, EventTypes.MONITOR_BARGED, EventTypes.MONITOR_MUTED,
                EventTypes.MONITOR_COACHING, EventTypes.MONITOR_ENDED, EventTypes.MONITOR_MODE_REFUSED);
        contract("monitoring/transcript-review-granted.v1.json", TranscriptReviewGranted.class,
                EventTypes.TRANSCRIPT_REVIEW_GRANTED);
        contract("transcript/transcript-read.v1.json", TranscriptRead.class, EventTypes.TRANSCRIPT_READ);
        contract("transcript/transcript-access-refused.v1.json", TranscriptAccessRefused.class,
                EventTypes.TRANSCRIPT_ACCESS_REFUSED);
    }

    private EventSamples() {
    }

    private static void contract(String schema, Class<? extends Record> record, String... types) {
        for (String type : types) {
            BY_TYPE.put(type, new TypeContract(type, record, schema));
        }
    }

    /** Sample instances of every event record, with and without the optional fields. */
    static Stream<Record> everyEventRecord() {
        return Stream.of(
                new UserPermissionsChanged(T, "sam", "Sam", "SUPERVISOR", List.of("monitor:voice", "monitor:chat"),
                        List.of(new ExtensionData("desk", "SIP", "sip:1001@pbx.example.com")), 7),
                new UserRemoved(T, "sam", 8),
                new InteractionStarted(T, "i-1", Channel.VOICE, "f-1", "Sales", true, "ann", "Ann", "+14155550123",
                        "c-1", AT),
                new ParticipantChanged(T, "i-1", "ann", ParticipantRole.AGENT, "Ann", AT),
                new MessagePosted(T, "i-2", "m-1", 1, ParticipantRole.CUSTOMER, "cust", "Casey", "Hi ü €", AT),
                new InteractionEnded(T, "i-1", Channel.CHAT, EndedBy.CUSTOMER, AT),
                new AgentPresenceChanged(T, "ann", true, AT, 3),
                new DialMonitorLeg(T, "c-1", "s-1", "sam", "SIP", "sip:1001@pbx.example.com"),
                new SetMonitorLegMode(T, "c-1", "s-1", LegMode.COACHING),
                new HangUpMonitorLeg(T, "c-1", "s-1"),
                new CallStarted(T, "c-1", "f-1", "ann", "Ann", "+14155550123", AT),
                new CallEnded(T, "c-1", EndedBy.AGENT, AT),
                new MonitorLegEvent(T, "c-1", "s-1", "leg-1", LegMode.MUTED, null, AT),
                new MonitorLegEvent(T, "c-1", "s-1", null, null, LegReason.CALL_NOT_FOUND, AT),
                new MonitoringEvent(T, "s-1", "i-1", Channel.VOICE, "sam", "Sam", SessionState.ACTIVE,
                        SessionMode.BARGED, "desk", "sip:1001@pbx.example.com", null, null, AT),
                new MonitoringEvent(T, "s-1", "i-1", Channel.VOICE, "sam", "Sam", SessionState.ENDED, null, null,
                        null, EndReason.DIAL_FAILED, "BUSY", AT),
                new TranscriptReviewGranted(T, "i-2", "ada", "r-1", AT.plusSeconds(3600), AT),
                new TranscriptRead(T, "i-2", "sam", 12, AT),
                new TranscriptAccessRefused(T, "i-2", "sam", "transcript-not-permitted", "10.0.0.1", "Firefox",
                        "req-1", AT));
    }

    /** Every type, in the order of {@link EventTypes}, with its record and schema. */
    static Map<String, TypeContract> byType() {
        return BY_TYPE;
    }

    /** The values of every public {@code String} constant of {@link EventTypes}. */
    static Set<String> declaredTypes() {
        Set<String> types = new TreeSet<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                    && field.getType() == String.class) {
                try {
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return types;
    }
}
