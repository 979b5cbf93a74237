package cc.monitoring.telephony.service;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.telephony.LegReason;
import cc.monitoring.contracts.telephony.MonitorLegEvent;
import cc.monitoring.telephony.Tenant;
import cc.monitoring.telephony.TestClock;
import cc.monitoring.telephony.domain.ProviderCommandKind;
import cc.monitoring.telephony.domain.ProviderCommandState;
import cc.monitoring.telephony.persistence.ProviderCommandEntity;
import cc.monitoring.telephony.persistence.ProviderCommandRepository;
import cc.monitoring.telephony.provider.TelephonyProvider;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durable provider commands (B29): every consumed command is a row, the worker performs it against the
 * (simulated) provider, retries an unavailable provider with backoff, gives up with a clear outcome, keeps the
 * commands of a call in order, and performs what a dead instance left behind exactly once. Retries come due
 * only when the test advances the {@link TestClock}.
 */
@QuarkusTest
class ProviderCommandsTest {

    /** The %test configuration: 3 attempts, 1 s doubling to at most 4 s. */
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(4);
    private static final int MAX_ATTEMPTS = 3;

    @Inject
    SimulatedNetwork network;
    @Inject
    TelephonyProvider provider;
    @Inject
    ProviderCommandRepository rows;
    @Inject
    ProviderCommands commands;
    @Inject
    ProviderCommandWorker worker;
    @Inject
    TestClock clock;

    @Test
    void B29_aConsumedCommandIsADurableRowThatTheWorkerPerforms() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        tenant.dial(callId, session, "sip:" + session + "@pbx.example.com");
        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        String legId = tenant.legId(callId, session);

        tenant.setMode(callId, session, LegMode.UNMUTED);
        assertEquals(LegMode.UNMUTED, tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_CHANGED, callId, session).mode());
        tenant.hangUpLeg(callId, session);
        tenant.awaitLeg(EventTypes.MONITOR_LEG_ENDED, callId, session);

        List<ProviderCommandEntity> done = awaitRows(legId, r -> r.size() == 3
                && r.stream().allMatch(c -> c.state == ProviderCommandState.DONE));
        assertEquals(List.of(ProviderCommandKind.DIAL, ProviderCommandKind.SET_MODE, ProviderCommandKind.HANG_UP),
                done.stream().map(c -> c.kind).toList());
        assertEquals("UNMUTED", done.get(1).payload);
        for (ProviderCommandEntity c : done) {
            assertEquals(tenant.id, c.tenantId);
            assertEquals(callId, c.callId);
            assertEquals(1, c.attempts, "asked once");
            assertNull(c.lastError);
        }
    }

    @ParameterizedTest(name = "the dead instance had reached the provider: {0}")
    @ValueSource(booleans = {false, true})
    void B29_aDialLeftPendingByADeadInstanceIsPerformedOnceByANewWorker(boolean reachedTheProvider) {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:" + session + "@pbx.example.com";
        String legId;
        worker.pause(); // the instance that consumed the command dies before its row is DONE
        try {
            tenant.dial(callId, session, address);
            legId = await().atMost(Tenant.WAIT).until(() -> tenant.legId(callId, session), id -> id != null);
            ProviderCommandEntity pending = awaitRows(legId, r -> r.size() == 1).get(0);
            assertEquals(ProviderCommandState.PENDING, pending.state, "written with the consumed command");
            assertEquals(ProviderCommandKind.DIAL, pending.kind);
            if (reachedTheProvider) {
                provider.dialMonitorLeg(new DialRequest(tenant.id, legId, callId, "SIP", address));
                await().atMost(Tenant.WAIT).until(() -> network.conference(callId).orElseThrow().monitorLegs().containsKey(legId));
            } else {
                assertTrue(network.conference(callId).orElseThrow().monitorLegs().isEmpty(), "never dialed");
            }
        } finally {
            worker.resume(); // a new worker takes over
        }

        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        String performed = legId;
        awaitRows(performed, r -> r.get(0).state == ProviderCommandState.DONE);
        assertEquals(List.of(legId), List.copyOf(network.conference(callId).orElseThrow().monitorLegs().keySet()),
                "one participant for the leg");
        assertEquals(1, tenant.kafka.readAll(Topics.TELEPHONY_EVENTS).stream()
                .filter(tenant.legEvent(EventTypes.MONITOR_LEG_CONNECTED, callId, session)).count(), "connected once");
    }

    @Test
    void B29_anUnavailableProviderIsAskedAgainAfterABackoffWithJitter() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:" + session + "@pbx.example.com";
        tenant.injectFailure(address, "PROVIDER_UNAVAILABLE");
        tenant.dial(callId, session, address);
        String legId = await().atMost(Tenant.WAIT).until(() -> tenant.legId(callId, session), id -> id != null);

        ProviderCommandEntity waiting = awaitRows(legId, r -> r.size() == 1 && r.get(0).attempts == 1).get(0);
        assertEquals(ProviderCommandState.PENDING, waiting.state);
        assertEquals("PROVIDER_UNAVAILABLE", waiting.lastError);
        Duration delay = Duration.between(clock.instant(), waiting.nextAttemptAt);
        assertTrue(delay.compareTo(FIRST_DELAY.dividedBy(2)) >= 0 && delay.compareTo(FIRST_DELAY) <= 0, delay.toString());
        assertEquals("RINGING", legState(tenant, callId, session), "the leg waits; nothing is announced yet");

        tenant.api().delete("/api/telephony/simulator/failures/{a}", address).then().statusCode(204); // it is back
        clock.advance(FIRST_DELAY);
        commands.wake();

        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        ProviderCommandEntity done = awaitRows(legId, r -> r.get(0).state == ProviderCommandState.DONE).get(0);
        assertEquals(2, done.attempts);
    }

    @Test
    void B29_aDialTheProviderNeverTakesIsGivenUpAfterTheLastAttemptAndTheLegFails() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:" + session + "@pbx.example.com";
        tenant.injectFailure(address, "PROVIDER_UNAVAILABLE");
        tenant.dial(callId, session, address);
        String legId = await().atMost(Tenant.WAIT).until(() -> tenant.legId(callId, session), id -> id != null);

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            int tried = attempt;
            ProviderCommandEntity row = awaitRows(legId, r -> r.get(0).attempts == tried).get(0);
            assertEquals(ProviderCommandState.PENDING, row.state);
            assertTrue(!row.nextAttemptAt.isAfter(clock.instant().plus(MAX_DELAY)), "within the bound: " + row.nextAttemptAt);
            clock.advance(MAX_DELAY);
            commands.wake();
        }

        MonitorLegEvent failed = tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, session);
        assertEquals(LegReason.PROVIDER_ERROR, failed.reason());
        ProviderCommandEntity given = awaitRows(legId, r -> r.get(0).state == ProviderCommandState.FAILED).get(0);
        assertEquals(MAX_ATTEMPTS, given.attempts);
        assertEquals("PROVIDER_UNAVAILABLE", given.lastError);
        assertEquals("FAILED", legState(tenant, callId, session));
    }

    @Test
    void B29_aDialTheProviderRefusesFailsAtOnce() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:" + session + "@pbx.example.com";
        tenant.injectFailure(address, "PROVIDER_REFUSES");
        tenant.dial(callId, session, address);

        assertEquals(LegReason.PROVIDER_ERROR, tenant.awaitLeg(EventTypes.MONITOR_LEG_FAILED, callId, session).reason());
        ProviderCommandEntity refused = awaitRows(tenant.legId(callId, session),
                r -> r.get(0).state == ProviderCommandState.FAILED).get(0);
        assertEquals(1, refused.attempts, "a refusal is not retried");
        assertEquals("PROVIDER_REFUSED", refused.lastError);
    }

    @Test
    void B29_aModeChangeTheProviderRefusesIsAnnouncedAndTheLegKeepsItsMode() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String session = Tenant.session();
        String address = "sip:" + session + "@pbx.example.com";
        tenant.dial(callId, session, address);
        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, session);
        tenant.injectFailure(address, "PROVIDER_REFUSES");

        tenant.setMode(callId, session, LegMode.UNMUTED);

        MonitorLegEvent refused = tenant.awaitLeg(EventTypes.MONITOR_LEG_MODE_REFUSED, callId, session);
        assertEquals(LegReason.PROVIDER_ERROR, refused.reason());
        assertEquals(LegMode.MUTED, refused.mode(), "the leg keeps its mode");
        ProviderCommandEntity setMode = awaitRows(tenant.legId(callId, session),
                r -> r.size() == 2 && r.get(1).state == ProviderCommandState.FAILED).get(1);
        assertEquals(ProviderCommandKind.SET_MODE, setMode.kind);
    }

    @Test
    void B29_theCommandsOfACallStayInOrderWhileOtherCallsGoOn() {
        Tenant tenant = new Tenant();
        String callId = tenant.placeCall();
        String held = Tenant.session();
        String heldAddress = "sip:" + held + "@pbx.example.com";
        tenant.injectFailure(heldAddress, "HOLD");
        try {
            tenant.dial(callId, held, heldAddress);
            String heldLeg = await().atMost(Tenant.WAIT).until(() -> tenant.legId(callId, held), id -> id != null);
            await().atMost(Tenant.WAIT).until(() -> network.held().contains(heldLeg)); // a worker is inside the provider call

            String next = Tenant.session(); // the next command of the same call waits for the held one
            tenant.dial(callId, next, "sip:" + next + "@pbx.example.com");
            String nextLeg = await().atMost(Tenant.WAIT).until(() -> tenant.legId(callId, next), id -> id != null);

            String otherCall = tenant.placeCall(); // another call is not held up
            String other = tenant.connectedLeg(otherCall);
            awaitRows(tenant.legId(otherCall, other), r -> r.get(0).state == ProviderCommandState.DONE);

            assertEquals(ProviderCommandState.PENDING, awaitRows(nextLeg, r -> r.size() == 1).get(0).state);
            assertEquals(ProviderCommandState.PENDING, awaitRows(heldLeg, r -> r.size() == 1).get(0).state);
            assertTrue(network.conference(callId).orElseThrow().monitorLegs().isEmpty(), "neither dialed yet");
        } finally {
            tenant.api().delete("/api/telephony/simulator/failures/{a}", heldAddress).then().statusCode(204);
        }

        tenant.awaitLeg(EventTypes.MONITOR_LEG_CONNECTED, callId, held);
        assertTrue(network.held().isEmpty());
        await().atMost(Tenant.WAIT).until(() -> network.conference(callId).orElseThrow().monitorLegs().size() == 2);
    }

    private List<ProviderCommandEntity> awaitRows(String legId, Predicate<List<ProviderCommandEntity>> done) {
        return await("provider commands of leg " + legId).atMost(Tenant.WAIT)
                .until(() -> QuarkusTransaction.requiringNew().call(() -> rows.ofLeg(UUID.fromString(legId))),
                        r -> !r.isEmpty() && done.test(r));
    }

    private static String legState(Tenant tenant, String callId, String sessionId) {
        return tenant.audit().get("/api/telephony/calls/{id}", callId).then().statusCode(200)
                .extract().path("monitorLegs.find { it.sessionId == '" + sessionId + "' }.state");
    }
}
