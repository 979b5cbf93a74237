package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.monitoring.SessionState;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The session state machine, plain Java. */
class SessionStateMachineTest {

    static final Extension DESK = new Extension("Desk", "SIP", "sip:sam@pbx.example.com");
    static final Supervisor FULL = new Supervisor("t", "sam", "Sam",
            Set.of(PermissionNames.MONITOR_ALL_CALLS, PermissionNames.BARGE_ALL_CALLS, PermissionNames.COACH_CALLS), List.of(DESK), false);
    static final Supervisor MONITOR_ONLY = new Supervisor("t", "mona", "Mona", Set.of(PermissionNames.MONITOR_ALL_CALLS),
            List.of(DESK), false);
    static final Interaction CALL = new Interaction("t", "i-1", Channel.VOICE, true, "adam", "call-1", true);
    static final Interaction CHAT = new Interaction("t", "i-2", Channel.CHAT, true, "adam", null, true);
    static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

    private static Session dialing(Supervisor who) {
        return Session.requestVoice("s-1", who, CALL, DESK, NOW);
    }

    @Test
    void B21_aVoiceSessionDialsFirstThenJoinsMuted() {
        Session dialing = dialing(FULL);
        assertEquals(SessionState.DIALING, dialing.state());
        assertNull(dialing.mode());
        Session active = dialing.legConnected(NOW);
        assertEquals(SessionState.ACTIVE, active.state());
        assertEquals(SessionMode.SILENT, active.mode());
        assertEquals(NOW, active.joinedAt());
    }

    @Test
    void B23_bargeThenMuteAgain() {
        Session active = dialing(FULL).legConnected(NOW);
        Session barged = active.barge(FULL, NOW).modeConfirmed(SessionMode.BARGED);
        assertEquals(SessionMode.BARGED, barged.mode());
        assertEquals(SessionMode.SILENT, barged.mute(NOW).modeConfirmed(SessionMode.SILENT).mode());
    }

    @Test
    void B02_withoutBargePermissionTheMonitorStaysMuted() {
        Session active = dialing(MONITOR_ONLY).legConnected(NOW);
        BargeNotPermittedException refused = assertThrows(BargeNotPermittedException.class, () -> active.barge(MONITOR_ONLY, NOW));
        assertEquals("barge-not-permitted", refused.type());
        assertEquals(SessionMode.SILENT, active.mode());
    }

    @Test
    void B50_coachingNeedsItsOwnPermission() {
        Session active = dialing(FULL).legConnected(NOW);
        assertEquals(SessionMode.COACHING, active.coach(FULL, NOW).pending().mode());
        Session other = dialing(MONITOR_ONLY).legConnected(NOW);
        assertThrows(CoachNotPermittedException.class, () -> other.coach(MONITOR_ONLY, NOW));
    }

    @Test
    void modeChangesNeedAnActiveVoiceSession() {
        assertThrows(SessionNotActiveException.class, () -> dialing(FULL).barge(FULL, NOW));
        Session chat = Session.startDigital("s-2", FULL, CHAT, NOW);
        assertThrows(NotVoiceException.class, () -> chat.barge(FULL, NOW));
        Session ended = dialing(FULL).legConnected(NOW).end(EndReason.SUPERVISOR_HUNG_UP, null, NOW);
        assertThrows(SessionNotActiveException.class, () -> ended.mute(NOW));
    }

    @Test
    void B26_aFailedDialEndsTheSessionWithThatReason() {
        Session failed = dialing(FULL).end(EndReason.DIAL_FAILED, "BUSY", NOW);
        assertEquals(SessionState.ENDED, failed.state());
        assertEquals(EndReason.DIAL_FAILED, failed.endReason());
        assertEquals("BUSY", failed.endDetail());
        assertThrows(SessionNotActiveException.class, () -> failed.legConnected(NOW));
    }

    @Test
    void B25_endedIsFinalAndEndingAgainChangesNothing() {
        Session ended = dialing(FULL).legConnected(NOW).end(EndReason.INTERACTION_ENDED, null, NOW);
        assertSame(ended, ended.end(EndReason.SUPERVISOR_HUNG_UP, null, NOW.plusSeconds(1)));
        assertEquals(EndReason.INTERACTION_ENDED, ended.endReason());
        assertNull(ended.mode());
    }

    @Test
    void B33_aDigitalSessionIsActiveAtOnceWithoutExtension() {
        Session chat = Session.startDigital("s-3", FULL, CHAT, NOW);
        assertEquals(SessionState.ACTIVE, chat.state());
        assertNull(chat.extension());
        assertEquals(EndReason.SUPERVISOR_ENDED, chat.end(EndReason.SUPERVISOR_ENDED, null, NOW).endReason());
    }

    @Test
    void B29_aModeIsOnlyAskedForUntilTheProviderConfirmsIt() {
        Session active = dialing(FULL).legConnected(NOW);
        Session asked = active.barge(FULL, NOW);
        assertEquals(SessionMode.SILENT, asked.mode());
        assertEquals(SessionMode.BARGED, asked.pending().mode());
        assertNull(asked.pending().reason());
        assertSame(asked, asked.barge(FULL, NOW), "asking again for the pending mode changes nothing");
        assertSame(active, active.mute(NOW), "asking for the confirmed mode changes nothing");

        Session confirmed = asked.modeConfirmed(SessionMode.BARGED);
        assertEquals(SessionMode.BARGED, confirmed.mode());
        assertNull(confirmed.pending());
    }

    @Test
    void B29_aConfirmationOfAnEarlierRequestKeepsTheLaterOnePending() {
        Session bargedThenMuted = dialing(FULL).legConnected(NOW).barge(FULL, NOW).mute(NOW);
        assertEquals(SessionMode.SILENT, bargedThenMuted.pending().mode());
        Session first = bargedThenMuted.modeConfirmed(SessionMode.BARGED);
        assertEquals(SessionMode.BARGED, first.mode());
        assertEquals(SessionMode.SILENT, first.pending().mode());
        Session second = first.modeConfirmed(SessionMode.SILENT);
        assertEquals(SessionMode.SILENT, second.mode());
        assertNull(second.pending());
    }

    @Test
    void B29_aRefusedChangeKeepsTheModeAndSaysWhy() {
        Session asked = dialing(FULL).legConnected(NOW).coach(FULL, NOW);
        Session refused = asked.modeRefused(SessionMode.SILENT, "LEG_NOT_CONNECTED", NOW.plusSeconds(1));
        assertEquals(SessionMode.SILENT, refused.mode());
        assertNull(refused.pending());
        assertEquals(new ModeChange(SessionMode.COACHING, "LEG_NOT_CONNECTED", NOW.plusSeconds(1)), refused.lastRefusal());
        assertNull(refused.barge(FULL, NOW).lastRefusal(), "a new request supersedes the last refusal");
        Session ended = refused.end(EndReason.SUPERVISOR_HUNG_UP, null, NOW);
        assertSame(ended, ended.modeRefused(SessionMode.SILENT, "CALL_ENDED", NOW));
        assertSame(ended, ended.modeConfirmed(SessionMode.BARGED));
    }

    @Test
    void B28_aModeTheSupervisorMayNoLongerUseIsForcedBackToMuted() {
        Session barged = dialing(FULL).legConnected(NOW).barge(FULL, NOW).modeConfirmed(SessionMode.BARGED);
        assertNull(barged.modeNoLongerPermitted(FULL.permissions()));
        assertEquals(SessionMode.BARGED, barged.modeNoLongerPermitted(Set.of(PermissionNames.MONITOR_ALL_CALLS,
                PermissionNames.COACH_CALLS)));
        Session coachAsked = dialing(FULL).legConnected(NOW).coach(FULL, NOW);
        assertEquals(SessionMode.COACHING, coachAsked.modeNoLongerPermitted(Set.of(PermissionNames.MONITOR_ALL_CALLS)),
                "a mode asked for counts too");
        assertNull(dialing(FULL).legConnected(NOW).modeNoLongerPermitted(Set.of(PermissionNames.MONITOR_ALL_CALLS)));

        Session forced = barged.forceMute("BARGE_ALL_CALLS revoked", NOW);
        assertEquals(SessionMode.BARGED, forced.mode());
        assertEquals(new ModeChange(SessionMode.SILENT, "BARGE_ALL_CALLS revoked", NOW), forced.pending());
        assertTrue(forced.pending().bySystem());
        assertEquals(SessionMode.SILENT, forced.modeConfirmed(SessionMode.SILENT).mode());
    }

    @Test
    void B27_aSessionDialingForTheConfiguredTimeHasTimedOut() {
        java.time.Duration timeout = java.time.Duration.ofSeconds(45);
        Session dialing = dialing(FULL);
        assertFalse(dialing.dialTimedOut(NOW.plusSeconds(44), timeout));
        assertTrue(dialing.dialTimedOut(NOW.plusSeconds(45), timeout));
        assertFalse(dialing.legConnected(NOW).dialTimedOut(NOW.plusSeconds(60), timeout), "answered: not dialing");
        Session timedOut = dialing.end(EndReason.DIAL_TIMEOUT, null, NOW.plusSeconds(45));
        assertEquals(EndReason.DIAL_TIMEOUT, timedOut.endReason());
        assertFalse(timedOut.dialTimedOut(NOW.plusSeconds(90), timeout));
    }
}
