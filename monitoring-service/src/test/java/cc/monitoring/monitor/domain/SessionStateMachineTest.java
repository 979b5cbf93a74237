package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The session state machine, plain Java. */
class SessionStateMachineTest {

    static final Extension DESK = new Extension("Desk", "SIP", "sip:sam@pbx.example.com");
    static final Supervisor FULL = new Supervisor("t", "sam", "Sam",
            Set.of(Permissions.MONITOR_ALL_CALLS, Permissions.BARGE_ALL_CALLS, Permissions.COACH_CALLS), List.of(DESK), false);
    static final Supervisor MONITOR_ONLY = new Supervisor("t", "mona", "Mona", Set.of(Permissions.MONITOR_ALL_CALLS),
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
        Session barged = active.barge(FULL);
        assertEquals(SessionMode.BARGED, barged.mode());
        assertEquals(SessionMode.SILENT, barged.mute().mode());
    }

    @Test
    void B02_withoutBargePermissionTheMonitorStaysMuted() {
        Session active = dialing(MONITOR_ONLY).legConnected(NOW);
        BargeNotPermittedException refused = assertThrows(BargeNotPermittedException.class, () -> active.barge(MONITOR_ONLY));
        assertEquals("barge-not-permitted", refused.type());
        assertEquals(SessionMode.SILENT, active.mode());
    }

    @Test
    void B50_coachingNeedsItsOwnPermission() {
        Session active = dialing(FULL).legConnected(NOW);
        assertEquals(SessionMode.COACHING, active.coach(FULL).mode());
        Session other = dialing(MONITOR_ONLY).legConnected(NOW);
        assertThrows(CoachNotPermittedException.class, () -> other.coach(MONITOR_ONLY));
    }

    @Test
    void modeChangesNeedAnActiveVoiceSession() {
        assertThrows(SessionNotActiveException.class, () -> dialing(FULL).barge(FULL));
        Session chat = Session.startDigital("s-2", FULL, CHAT, NOW);
        assertThrows(NotVoiceException.class, () -> chat.barge(FULL));
        Session ended = dialing(FULL).legConnected(NOW).end(EndReason.SUPERVISOR_HUNG_UP, null, NOW);
        assertThrows(SessionNotActiveException.class, ended::mute);
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
}
