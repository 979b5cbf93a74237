package cc.monitoring.contracts;

import cc.monitoring.contracts.EventJson.MalformedEventException;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.interaction.InteractionEnded;
import cc.monitoring.contracts.monitoring.MonitoringEvent;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.contracts.telephony.CallEnded;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.contracts.telephony.SetMonitorLegMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event record travels through {@link EventJson} and a {@link CloudEvent} envelope and comes back
 * equal: enums as their names, instants as ISO-8601 strings. Plain JUnit: this module has no framework.
 */
class EventJsonRoundTripTest {

    private static final String T = EventSamples.T;
    private static final Instant AT = EventSamples.AT;

    @ParameterizedTest
    @MethodSource("cc.monitoring.contracts.EventSamples#everyEventRecord")
    void B40_everyEventRecordSurvivesTheEnvelopeAndTheWire(Object data) {
        CloudEvent sent = CloudEvent.of("some-type", "/test", T, "subject-1", data);

        String wire = EventJson.write(sent);
        CloudEvent received = EventJson.read(wire);

        // the tree of a long may come back as an int node: compare what is written, and the typed payload
        assertEquals(wire, EventJson.write(received));
        assertEquals(sent.id(), received.id());
        assertEquals(sent.time(), received.time());
        assertEquals(data, received.dataAs(data.getClass()));
    }

    @Test
    void theEnvelopeCarriesItsAttributesAndWritesNoNulls() throws Exception {
        CloudEvent sent = new CloudEvent(CloudEvent.SPEC_VERSION, "e-1", EventTypes.CALL_ENDED, "/telephony-gateway",
                AT, null, T, EventTypes.SCHEMA_VERSION, "application/json",
                EventTypes.dataschema(EventTypes.CALL_ENDED), EventJson.mapper().valueToTree(new CallEnded(T, "c-1", EndedBy.SYSTEM, AT)));

        JsonNode wire = EventJson.mapper().readTree(EventJson.write(sent));

        assertEquals("1.0", wire.path("specversion").asText());
        assertEquals("e-1", wire.path("id").asText());
        assertEquals("cc.monitoring.telephony.call-ended.v1", wire.path("type").asText());
        assertEquals("https://monitoring.example.com/schemas/telephony/call-ended.v1.json",
                wire.path("dataschema").asText());
        assertEquals("2026-12-03T10:15:30.123456Z", wire.path("time").asText());
        assertEquals(T, wire.path("tenantid").asText());
        assertEquals(1, wire.path("schemaversion").asInt());
        assertFalse(wire.has("subject"), "null attributes are left out: " + wire);
        assertEquals(sent, EventJson.read(EventJson.write(sent)));
    }

    @Test
    void enumsAndInstantsTravelAsTheStringsOlderRecordsCarry() {
        String old = """
                {"specversion":"1.0","id":"e-2","type":"cc.monitoring.monitoring.monitor-joined.v1","source":"/monitoring-service",
                 "time":"2026-12-03T10:15:30Z","tenantid":"tenant-a","schemaversion":1,
                 "data":{"tenantId":"tenant-a","sessionId":"s-1","interactionId":"i-1","channel":"VOICE",
                         "supervisorId":"sam","supervisorName":"Sam","state":"ACTIVE","mode":"SILENT",
                         "at":"2026-12-03T10:15:30Z"}}""";

        MonitoringEvent event = EventJson.read(old).dataAs(MonitoringEvent.class);

        assertEquals(SessionState.ACTIVE, event.state());
        assertEquals(SessionMode.SILENT, event.mode());
        assertEquals(Instant.parse("2026-12-03T10:15:30Z"), event.at());
        JsonNode written = EventJson.mapper().valueToTree(event);
        assertEquals("ACTIVE", written.path("state").asText());
        assertEquals("2026-12-03T10:15:30Z", written.path("at").asText());
    }

    @Test
    void unknownFieldsOfEnvelopeAndDataAreIgnored() {
        ObjectNode wire = (ObjectNode) tree(CloudEvent.of(EventTypes.CALL_ENDED, "/telephony-gateway", T, "c-1",
                new CallEnded(T, "c-1", EndedBy.CUSTOMER, AT)));
        wire.put("traceparent", "00-abc-def-01");
        ((ObjectNode) wire.path("data")).put("hangupCause", "NORMAL_CLEARING");

        CallEnded call = EventJson.read(wire.toString()).dataAs(CallEnded.class);

        assertEquals(new CallEnded(T, "c-1", EndedBy.CUSTOMER, AT), call);
    }

    @Test
    void B24_anUnknownEnderReadsAsUnknownAndTheCallStillEnds() {
        CallEnded call = withData(new CallEnded(T, "c-1", EndedBy.AGENT, AT), "endedBy", "NETWORK")
                .dataAs(CallEnded.class);
        InteractionEnded interaction = withData(new InteractionEnded(T, "i-1", Channel.VOICE, EndedBy.AGENT, AT),
                "endedBy", "SUPERVISOR").dataAs(InteractionEnded.class);

        assertEquals(EndedBy.UNKNOWN, call.endedBy());
        assertEquals(EndedBy.UNKNOWN, interaction.endedBy());
        assertEquals("c-1", call.callId());
    }

    @Test
    void B26_anUnknownLegReasonReadsAsUnknownAndTheLegStillFails() {
        MonitorLegEvent leg = withData(new MonitorLegEvent(T, "c-1", "s-1", "leg-1", null, LegReason.BUSY, AT),
                "reason", "CONGESTION").dataAs(MonitorLegEvent.class);

        assertEquals(LegReason.UNKNOWN, leg.reason());
        assertEquals("UNKNOWN", leg.reasonName());
        assertEquals("s-1", leg.sessionId());
    }

    @Test
    void aMissingReasonStaysNull() {
        MonitorLegEvent leg = EventJson.read(EventJson.write(CloudEvent.of(EventTypes.MONITOR_LEG_CONNECTED,
                "/telephony-gateway", T, "c-1", new MonitorLegEvent(T, "c-1", "s-1", "leg-1", LegMode.MUTED, null, AT))))
                .dataAs(MonitorLegEvent.class);

        assertNull(leg.reason());
        assertNull(leg.reasonName());
    }

    @Test
    void anUnknownSessionStateMakesTheRecordMalformedForTheDeadLetterTopic() {
        CloudEvent event = withData(new MonitoringEvent(T, "s-1", "i-1", Channel.CHAT, "sam", "Sam",
                SessionState.ACTIVE, null, null, null, null, null, AT), "state", "PAUSED");

        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> event.dataAs(MonitoringEvent.class));
        assertTrue(e.getMessage().contains("MonitoringEvent"), e.getMessage());
    }

    @Test
    void anUnknownModeOrChannelMakesTheRecordMalformed() {
        CloudEvent mode = withData(new SetMonitorLegMode(T, "c-1", "s-1", LegMode.MUTED), "mode", "LOUD");
        CloudEvent channel = withData(new InteractionEnded(T, "i-1", Channel.CHAT, EndedBy.AGENT, AT),
                "channel", "FAX");

        assertThrows(MalformedEventException.class, () -> mode.dataAs(SetMonitorLegMode.class));
        assertThrows(MalformedEventException.class, () -> channel.dataAs(InteractionEnded.class));
    }

    @Test
    void aValueThatIsNoCloudEventIsMalformed() {
        assertThrows(MalformedEventException.class, () -> EventJson.read("not json"));
        assertThrows(MalformedEventException.class, () -> EventJson.read(""));
        assertThrows(MalformedEventException.class, () -> EventJson.read((byte[]) null));
        assertThrows(MalformedEventException.class, () -> EventJson.read("""
                {"specversion":"1.0","id":"e-3","type":"cc.monitoring.telephony.call-ended.v1","source":"/x","time":"2026-12-03T10:15:30Z",
                 "tenantid":"tenant-a"}"""));
        assertThrows(MalformedEventException.class, () -> EventJson.read("""
                {"specversion":"1.0","type":"cc.monitoring.telephony.call-ended.v1","source":"/x","time":"2026-12-03T10:15:30Z",
                 "tenantid":"tenant-a","data":{}}"""));
        assertThrows(MalformedEventException.class, () -> EventJson.read("""
                {"specversion":"1.0","id":"e-4","type":"cc.monitoring.telephony.call-ended.v1","source":"/x","time":"yesterday",
                 "tenantid":"tenant-a","data":{}}"""));
    }

    @Test
    void B40_aRecordOfThePreviousReleaseWithItsBareTypeIsReadAsTheNamespacedType() {
        String previousRelease = """
                {"specversion":"1.0","id":"e-5","type":"barge","source":"/monitoring-service",
                 "time":"2026-12-03T10:15:30Z","tenantid":"tenant-a","schemaversion":1,
                 "data":{"tenantId":"tenant-a","sessionId":"s-1","interactionId":"i-1","channel":"VOICE",
                         "supervisorId":"sam","supervisorName":"Sam","state":"ACTIVE","mode":"BARGED",
                         "at":"2026-12-03T10:15:30Z"}}""";

        CloudEvent event = EventJson.read(previousRelease);

        assertEquals(EventTypes.MONITOR_BARGED, event.type());
        assertEquals("e-5", event.id());
        assertNull(event.dataschema(), "the previous release wrote no dataschema");
        assertEquals(SessionMode.BARGED, event.dataAs(MonitoringEvent.class).mode());
    }

    @Test
    void B40_everyBareNameOfThePreviousReleaseMapsToOneCurrentType() {
        Map<String, String> previous = new LinkedHashMap<>();
        previous.put("user-permissions-changed", EventTypes.USER_PERMISSIONS_CHANGED);
        previous.put("user-removed", EventTypes.USER_REMOVED);
        previous.put("interaction-started", EventTypes.INTERACTION_STARTED);
        previous.put("participant-joined", EventTypes.PARTICIPANT_JOINED);
        previous.put("participant-left", EventTypes.PARTICIPANT_LEFT);
        previous.put("message-posted", EventTypes.MESSAGE_POSTED);
        previous.put("interaction-ended", EventTypes.INTERACTION_ENDED);
        previous.put("agent-logged-in", EventTypes.AGENT_LOGGED_IN);
        previous.put("agent-logged-out", EventTypes.AGENT_LOGGED_OUT);
        previous.put("dial-monitor-leg", EventTypes.DIAL_MONITOR_LEG);
        previous.put("set-monitor-leg-mode", EventTypes.SET_MONITOR_LEG_MODE);
        previous.put("hang-up-monitor-leg", EventTypes.HANG_UP_MONITOR_LEG);
        previous.put("call-started", EventTypes.CALL_STARTED);
        previous.put("call-ended", EventTypes.CALL_ENDED);
        previous.put("monitor-leg-connected", EventTypes.MONITOR_LEG_CONNECTED);
        previous.put("monitor-leg-failed", EventTypes.MONITOR_LEG_FAILED);
        previous.put("monitor-leg-muted-changed", EventTypes.MONITOR_LEG_MODE_CHANGED);
        previous.put("monitor-leg-mode-refused", EventTypes.MONITOR_LEG_MODE_REFUSED);
        previous.put("monitor-leg-ended", EventTypes.MONITOR_LEG_ENDED);
        previous.put("monitor-requested", EventTypes.MONITOR_REQUESTED);
        previous.put("monitor-joined", EventTypes.MONITOR_JOINED);
        previous.put("barge", EventTypes.MONITOR_BARGED);
        previous.put("monitor-muted", EventTypes.MONITOR_MUTED);
        previous.put("coach", EventTypes.MONITOR_COACHING);
        previous.put("monitor-ended", EventTypes.MONITOR_ENDED);
        previous.put("monitor-mode-refused", EventTypes.MONITOR_MODE_REFUSED);
        previous.put("transcript-review-granted", EventTypes.TRANSCRIPT_REVIEW_GRANTED);
        previous.put("transcript-read", EventTypes.TRANSCRIPT_READ);
        previous.put("transcript-access-refused", EventTypes.TRANSCRIPT_ACCESS_REFUSED);

        previous.forEach((bare, current) -> assertEquals(current, EventTypes.canonical(bare), bare));
        assertEquals(EventTypes.all(), new LinkedHashSet<>(previous.values()), "every type had a bare name");
        EventTypes.all().forEach(type -> assertEquals(type, EventTypes.canonical(type), "current names stay"));
        assertEquals("some-type-added-later", EventTypes.canonical("some-type-added-later"));
    }

    @Test
    void B40_anEventOfAnotherCloudEventsVersionIsMalformed() {
        String wire = EventJson.write(CloudEvent.of(EventTypes.CALL_ENDED, "/telephony-gateway", T, "c-1",
                new CallEnded(T, "c-1", EndedBy.CUSTOMER, AT)));

        for (String other : new String[] {"0.3", "2.0", "", "1"}) {
            MalformedEventException e = assertThrows(MalformedEventException.class,
                    () -> EventJson.read(wire.replace("\"specversion\":\"1.0\"", "\"specversion\":\"" + other + "\"")),
                    other);
            assertTrue(e.getMessage().contains("specversion"), e.getMessage());
        }
        assertThrows(MalformedEventException.class,
                () -> EventJson.read(wire.replace("\"specversion\":\"1.0\",", "")), "no specversion");
    }

    @Test
    void dataOfTheWrongShapeIsMalformed() {
        CloudEvent event = withData(new UserRemoved(T, "sam", 1), "revision", "not-a-number");

        assertThrows(MalformedEventException.class, () -> event.dataAs(UserRemoved.class));
    }

    private static JsonNode tree(CloudEvent event) {
        try {
            return EventJson.mapper().readTree(EventJson.write(event));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The event with {@code data} as a producer would send it, but one field set to a raw string. */
    private static CloudEvent withData(Object data, String field, String rawValue) {
        ObjectNode wire = (ObjectNode) tree(CloudEvent.of("some-type", "/test", T, "subject", data));
        ((ObjectNode) wire.path("data")).put(field, rawValue);
        return EventJson.read(wire.toString());
    }
}
