package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.monitoring.EndReason;
import cc.monitoring.contracts.monitoring.SessionMode;
import cc.monitoring.contracts.telephony.LegMode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static cc.monitoring.monitor.domain.SessionStateMachineTest.CALL;
import static cc.monitoring.monitor.domain.SessionStateMachineTest.CHAT;
import static cc.monitoring.monitor.domain.SessionStateMachineTest.DESK;
import static cc.monitoring.monitor.domain.SessionStateMachineTest.FULL;
import static cc.monitoring.monitor.domain.SessionStateMachineTest.MONITOR_ONLY;
import static cc.monitoring.monitor.domain.SessionStateMachineTest.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one table from session action to transition, event and leg mode, plain Java. */
class SessionActionTest {

    private static Session active(Supervisor who) {
        return Session.requestVoice("s-1", who, CALL, DESK, NOW).legConnected(NOW);
    }

    @Test
    void B40_everyActionIsAnnouncedByItsOwnEvent() {
        assertEquals(EventTypes.MONITOR_REQUESTED, SessionAction.START.eventType());
        assertEquals(EventTypes.MONITOR_JOINED, SessionAction.JOIN.eventType());
        assertEquals(EventTypes.MONITOR_MUTED, SessionAction.MUTE.eventType());
        assertEquals(EventTypes.MONITOR_BARGED, SessionAction.BARGE.eventType());
        assertEquals(EventTypes.MONITOR_COACHING, SessionAction.COACH.eventType());
        assertEquals(EventTypes.MONITOR_ENDED, SessionAction.END.eventType());
        assertEquals(SessionAction.values().length,
                Arrays.stream(SessionAction.values()).map(SessionAction::eventType).distinct().count());
    }

    @Test
    void B23_B50_eachModeHasOneLegModeAndBack() {
        assertEquals(LegMode.MUTED, SessionAction.MUTE.legMode());
        assertEquals(LegMode.UNMUTED, SessionAction.BARGE.legMode());
        assertEquals(LegMode.COACHING, SessionAction.COACH.legMode());
        for (LegMode leg : LegMode.values()) {
            assertEquals(leg, SessionAction.of(leg).legMode());
            assertSame(SessionAction.of(leg), SessionAction.of(SessionAction.of(leg).mode()));
        }
        for (SessionMode mode : SessionMode.values()) {
            assertEquals(mode, SessionAction.of(mode).mode());
        }
        assertSame(SessionAction.MUTE, SessionAction.of((SessionMode) null));
        assertNull(SessionAction.END.legMode());
    }

    @Test
    void B29_askingForAModeLeavesItPendingUntilTheProviderConfirms() {
        Session asked = SessionAction.BARGE.ask(active(FULL), FULL, NOW);
        assertEquals(SessionMode.SILENT, asked.mode());
        assertEquals(SessionMode.BARGED, asked.pending().mode());
        assertEquals(SessionMode.COACHING, SessionAction.COACH.ask(active(FULL), FULL, NOW).pending().mode());
        Session unchanged = active(FULL);
        assertSame(unchanged, SessionAction.MUTE.ask(unchanged, FULL, NOW)); // already muted: nothing to ask
    }

    @Test
    void B02_B50_aModeNeedsItsPermission() {
        assertThrows(BargeNotPermittedException.class, () -> SessionAction.BARGE.ask(active(MONITOR_ONLY), MONITOR_ONLY, NOW));
        assertThrows(CoachNotPermittedException.class, () -> SessionAction.COACH.ask(active(MONITOR_ONLY), MONITOR_ONLY, NOW));
        assertThrows(IllegalArgumentException.class, () -> SessionAction.END.ask(active(FULL), FULL, NOW));
    }

    @Test
    void B24_B33_theSupervisorHangsUpAVoiceLegAndEndsADigitalSession() {
        assertEquals(EndReason.SUPERVISOR_HUNG_UP, active(FULL).endReasonBySupervisor());
        assertEquals(EndReason.SUPERVISOR_ENDED, Session.startDigital("s-2", FULL, CHAT, NOW).endReasonBySupervisor());
    }

    @Test
    void B24_aVoiceSessionKeepsTheCallOfItsLegThroughEveryTransition() {
        Session ended = SessionAction.BARGE.ask(active(FULL), FULL, NOW).modeConfirmed(SessionMode.BARGED)
                .end(EndReason.SUPERVISOR_HUNG_UP, null, NOW);
        assertEquals(CALL.callId(), ended.callId());
        assertNull(Session.startDigital("s-2", FULL, CHAT, NOW).callId());
    }
}
