package cc.monitoring.telephony.provider.simulated;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.provider.RecordingListener;
import cc.monitoring.telephony.provider.TelephonyProvider;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;
import cc.monitoring.telephony.provider.TelephonyProvider.LegRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated telephony network, alone: no Quarkus, no database. Real timers, but no test races one:
 * what must happen before a timer fires uses a leg that rings until told (RING_FOREVER, answerNow), and
 * {@link SimulatedNetwork#conference} serves as a barrier on the call's lane.
 */
class SimulatedNetworkTest {

    private static final Duration ANSWER = Duration.ofMillis(80);
    private static final String TENANT = "t1";

    private final SimulatedNetwork network = new SimulatedNetwork(ANSWER, Duration.ofMillis(300), 2);
    private final TelephonyProvider provider = new SimulatedProvider(network);
    private final RecordingListener reports = new RecordingListener();

    SimulatedNetworkTest() {
        provider.listen(reports);
        network.startCall(TENANT, "call-1", "agent-7", "+14155550100");
    }

    @AfterEach
    void close() {
        network.close();
    }

    @Test
    void B21_aDialedLegRingsThenAnswersMutedAfterTheDelay() {
        long started = System.nanoTime();
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:leg-1"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(ANSWER) >= 0, "it rang first");
        assertEquals("ringing:leg-1:sim-leg-1", reports.reports().get(0));
        assertEquals(Map.of("leg-1", new SimulatedNetwork.LegView(true, LegMode.MUTED)),
                network.conference("call-1").orElseThrow().monitorLegs());
    }

    @ParameterizedTest
    @EnumSource(value = SimulatedBehaviour.class, names = {"BUSY", "NO_ANSWER", "UNKNOWN_EXTENSION"})
    void B26_anInjectedFailureFailsTheDialWithThatReason(SimulatedBehaviour failure) {
        network.inject(TENANT, "SIP:Sam@pbx.example.com", failure);
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("failed:leg-1:" + failure));
        assertFalse(reports.has("answered:leg-1"));
        assertTrue(network.conference("call-1").orElseThrow().monitorLegs().isEmpty());

        network.clear(TENANT, "sip:sam@pbx.example.com");
        provider.dialMonitorLeg(dial("leg-2", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:leg-2"));
    }

    @ParameterizedTest
    @CsvSource({"sip:busy@demo.example.com,BUSY", "+1415555NOANSWER,NO_ANSWER", "sip:no-answer@x.example.com,NO_ANSWER",
            "sip:unknown@x.example.com,UNKNOWN_EXTENSION", "invalid-ext,UNKNOWN_EXTENSION",
            "sip:ring-forever@x.example.com,RING_FOREVER", "sip:RingForever@x.example.com,RING_FOREVER",
            "sip:refuse-mode@x.example.com,REFUSE_MODE_CHANGE"})
    void B26_demoAddressesFailByConvention(String address, SimulatedBehaviour failure) {
        assertEquals(Optional.of(failure), FailureConventions.of(address));
        assertEquals(Optional.empty(), FailureConventions.of("sip:sam@pbx.example.com"));
    }

    @Test
    void B26_injectedFailuresBelongToOneTenant() {
        network.inject("other-tenant", "sip:sam@pbx.example.com", SimulatedBehaviour.BUSY);
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:leg-1"));
    }

    @Test
    void B26_dialingIntoAnUnknownEndedOrForeignCallFailsWithCallNotFound() {
        provider.dialMonitorLeg(new DialRequest(TENANT, "leg-1", "no-such-call", "SIP", "sip:sam@pbx.example.com"));
        provider.dialMonitorLeg(new DialRequest("other-tenant", "leg-2", "call-1", "SIP", "sip:sam@pbx.example.com"));
        network.endCall("call-1", EndedBy.CUSTOMER);
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("call-ended:call-1:CUSTOMER"));
        provider.dialMonitorLeg(dial("leg-3", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("failed:leg-1:CALL_NOT_FOUND")
                && reports.has("failed:leg-2:CALL_NOT_FOUND") && reports.has("failed:leg-3:CALL_NOT_FOUND"));
    }

    @Test
    void B23_B50_aConnectedLegChangesModeAndReportsIt() {
        answered("leg-1");
        provider.setMonitorLegMode(ref("leg-1"), LegMode.UNMUTED);
        provider.setMonitorLegMode(ref("leg-1"), LegMode.COACHING);
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("mode:leg-1:COACHING"));
        assertTrue(reports.has("mode:leg-1:UNMUTED"));
        assertEquals(LegMode.COACHING, network.conference("call-1").orElseThrow().monitorLegs().get("leg-1").mode());
    }

    @Test
    void B24_hangingUpAMonitorLegNeverEndsTheCall() {
        answered("leg-1");
        answered("leg-2");
        provider.hangUpMonitorLeg(ref("leg-1"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("ended:leg-1:HUNG_UP"));

        assertTrue(network.isUp("call-1"), "the call goes on");
        SimulatedNetwork.Conference conference = network.conference("call-1").orElseThrow();
        assertEquals("agent-7", conference.agentId());
        assertEquals("+14155550100", conference.customerNumber());
        assertEquals(Map.of("leg-2", new SimulatedNetwork.LegView(true, LegMode.MUTED)), conference.monitorLegs());
        assertTrue(reports.reports().stream().noneMatch(r -> r.startsWith("call-ended")));
    }

    @Test
    void B24_hangingUpARingingLegCancelsIt() {
        network.inject(TENANT, "sip:sam@pbx.example.com", SimulatedBehaviour.RING_FOREVER); // no timer to race
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("ringing:leg-1:sim-leg-1"));
        provider.hangUpMonitorLeg(ref("leg-1"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("ended:leg-1:HUNG_UP"));

        network.answerNow("call-1", "leg-1"); // picked up too late
        assertTrue(network.conference("call-1").orElseThrow().monitorLegs().isEmpty(), "the leg is gone");
        assertFalse(reports.has("answered:leg-1"), "a cancelled leg never answers");
        assertTrue(network.isUp("call-1"));
    }

    @Test
    void B27_aRingForeverLegRingsUntilItIsAnsweredOrTheCallEnds() {
        network.inject(TENANT, "sip:sam@pbx.example.com", SimulatedBehaviour.RING_FOREVER);
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("ringing:leg-1:sim-leg-1"));
        assertEquals(Map.of("leg-1", new SimulatedNetwork.LegView(false, null)),
                network.conference("call-1").orElseThrow().monitorLegs());

        network.answerNow("call-1", "leg-1");
        network.conference("call-1"); // the call's lane has done everything asked before
        assertEquals(java.util.List.of("ringing:leg-1:sim-leg-1", "answered:leg-1"), reports.reports());
    }

    @Test
    void B29_aModeChangeIsConfirmedOrRefusedByTheNetwork() {
        answered("leg-1");
        network.inject(TENANT, "sip:leg-2@pbx.example.com", SimulatedBehaviour.REFUSE_MODE_CHANGE);
        answered("leg-2");
        network.inject(TENANT, "sip:leg-3@pbx.example.com", SimulatedBehaviour.RING_FOREVER);
        provider.dialMonitorLeg(dial("leg-3", "sip:leg-3@pbx.example.com"));

        provider.setMonitorLegMode(ref("leg-1"), LegMode.UNMUTED);
        provider.setMonitorLegMode(ref("leg-2"), LegMode.UNMUTED);
        provider.setMonitorLegMode(ref("leg-3"), LegMode.UNMUTED);
        network.conference("call-1"); // barrier: the call's lane has answered all three
        assertTrue(reports.has("mode:leg-1:UNMUTED"));
        assertTrue(reports.has("mode-refused:leg-2:PROVIDER_ERROR"));
        assertTrue(reports.has("mode-refused:leg-3:LEG_NOT_CONNECTED"));
        assertEquals(LegMode.MUTED, network.conference("call-1").orElseThrow().monitorLegs().get("leg-2").mode());

        network.endCall("call-1", EndedBy.AGENT);
        provider.setMonitorLegMode(ref("leg-1"), LegMode.MUTED);
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("mode-refused:leg-1:CALL_ENDED"));
    }

    @Test
    void B25_whenTheCallEndsEveryMonitorLegEndsWithIt() {
        answered("leg-1");
        provider.dialMonitorLeg(dial("leg-2", "sip:ring-forever@pbx.example.com")); // rings until the call ends
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.reports().stream().anyMatch(r -> r.startsWith("ringing:leg-2")));

        network.endCall("call-1", EndedBy.AGENT);
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("call-ended:call-1:AGENT"));
        assertTrue(reports.has("ended:leg-1:CALL_ENDED"));
        assertTrue(reports.has("ended:leg-2:CALL_ENDED"), "a leg still ringing ends too");
        int callEnded = reports.reports().indexOf("call-ended:call-1:AGENT");
        assertTrue(reports.reports().indexOf("ended:leg-1:CALL_ENDED") < callEnded, "legs end before the call is reported ended");
        assertFalse(network.isUp("call-1"));
        network.answerNow("call-1", "leg-2");
        network.conference("call-1"); // barrier
        assertFalse(reports.has("answered:leg-2"), "a leg of an ended call never answers");
    }

    @Test
    void B25_aCallRestoredAfterARestartStillEndsItsLegs() {
        network.restoreCall(TENANT, "call-2", "agent-8", "+14155550111", Map.of("leg-9", LegMode.UNMUTED));
        assertEquals(Map.of("leg-9", new SimulatedNetwork.LegView(true, LegMode.UNMUTED)),
                network.conference("call-2").orElseThrow().monitorLegs());
        network.endCall("call-2", EndedBy.CUSTOMER);
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("call-ended:call-2:CUSTOMER"));
        assertTrue(reports.has("ended:leg-9:CALL_ENDED"));
    }

    @Test
    void B29_aSecondDialOfTheSameLegAddsNoSecondParticipant() {
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com"));
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com")); // asked again after a crash
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:leg-1"));
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com")); // and once more, connected
        assertEquals(1, network.conference("call-1").orElseThrow().monitorLegs().size());
        assertEquals(1, reports.reports().stream().filter(r -> r.startsWith("ringing:leg-1")).count(), reports.reports().toString());

        provider.hangUpMonitorLeg(ref("leg-1"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("ended:leg-1:HUNG_UP"));
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com")); // a leg that was gone does not come back
        assertTrue(network.conference("call-1").orElseThrow().monitorLegs().isEmpty());
    }

    @Test
    void B29_hangingUpALegThatIsGoneSucceeds() {
        provider.hangUpMonitorLeg(ref("never-dialed"));
        provider.hangUpMonitorLeg(ref("never-dialed"));
        assertTrue(network.conference("call-1").orElseThrow().monitorLegs().isEmpty());
        assertTrue(network.isUp("call-1"), "B24: the call goes on");
    }

    @Test
    void B29_aHeldDialReturnsOnlyOnceReleasedAndThenDials() throws Exception {
        network.inject(TENANT, "sip:sam@pbx.example.com", SimulatedBehaviour.HOLD);
        java.util.concurrent.CompletableFuture<Void> dialing = java.util.concurrent.CompletableFuture.runAsync(
                () -> provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com")));
        await().atMost(Duration.ofSeconds(2)).until(() -> network.held().contains("leg-1"));
        assertFalse(dialing.isDone(), "the provider call is held");
        assertTrue(network.conference("call-1").orElseThrow().monitorLegs().isEmpty(), "not dialed yet");

        network.clear(TENANT, "sip:sam@pbx.example.com");
        dialing.get(2, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:leg-1"));
        assertTrue(network.held().isEmpty());
    }

    @Test
    void B29_anUnavailableOrRefusingProviderThrowsAndDialsNothing() {
        network.inject(TENANT, "sip:sam@pbx.example.com", SimulatedBehaviour.PROVIDER_UNAVAILABLE);
        cc.monitoring.telephony.provider.ProviderFailure unavailable = org.junit.jupiter.api.Assertions.assertThrows(
                cc.monitoring.telephony.provider.ProviderFailure.class,
                () -> provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com")));
        assertTrue(unavailable.retryable());
        assertEquals("PROVIDER_UNAVAILABLE", unavailable.reason());
        assertTrue(network.conference("call-1").orElseThrow().monitorLegs().isEmpty());

        network.clear(TENANT, "sip:sam@pbx.example.com");
        provider.dialMonitorLeg(dial("leg-1", "sip:sam@pbx.example.com")); // asked again: now it goes through
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:leg-1"));

        network.inject(TENANT, "sip:sam@pbx.example.com", SimulatedBehaviour.PROVIDER_REFUSES);
        cc.monitoring.telephony.provider.ProviderFailure refused = org.junit.jupiter.api.Assertions.assertThrows(
                cc.monitoring.telephony.provider.ProviderFailure.class,
                () -> provider.setMonitorLegMode(ref("leg-1"), LegMode.UNMUTED));
        assertFalse(refused.retryable());
        assertEquals(new SimulatedNetwork.LegView(true, LegMode.MUTED), network.conference("call-1").orElseThrow().monitorLegs().get("leg-1"));
    }

    private void answered(String legId) {
        provider.dialMonitorLeg(dial(legId, "sip:" + legId + "@pbx.example.com"));
        await().atMost(Duration.ofSeconds(2)).until(() -> reports.has("answered:" + legId));
    }

    private static DialRequest dial(String legId, String address) {
        return new DialRequest(TENANT, legId, "call-1", "SIP", address);
    }

    private static LegRef ref(String legId) {
        return new LegRef(TENANT, legId, "call-1", "sim-" + legId, null);
    }
}
