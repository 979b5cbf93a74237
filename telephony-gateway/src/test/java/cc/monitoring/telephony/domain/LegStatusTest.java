package cc.monitoring.telephony.domain;

import cc.monitoring.contracts.telephony.LegMode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: the leg's state machine is plain Java and the test simply calls it. */
class LegStatusTest {

    private final LegStatus ringing = LegStatus.ringing();
    private final LegStatus connected = ringing.answered().orElseThrow();

    @Test
    void B21_anAnsweredLegIsConnectedAndAlwaysMuted() {
        assertEquals(new LegStatus(LegState.CONNECTED, LegMode.MUTED, null), connected);
        assertEquals(Optional.empty(), connected.answered(), "a second answer changes nothing");
    }

    @Test
    void B23_B50_onlyAConnectedLegChangesMode() {
        assertEquals(LegMode.UNMUTED, connected.modeChanged(LegMode.UNMUTED).orElseThrow().mode());
        assertEquals(LegMode.COACHING, connected.modeChanged(LegMode.COACHING).orElseThrow().mode());
        assertEquals(Optional.empty(), ringing.modeChanged(LegMode.UNMUTED), "a ringing leg is never unmuted");
        LegStatus ended = connected.ended(LegEndReason.HUNG_UP).orElseThrow();
        assertEquals(Optional.empty(), ended.modeChanged(LegMode.UNMUTED));
    }

    @Test
    void B26_onlyARingingLegFailsAndTheFailureIsItsReason() {
        for (LegFailure failure : LegFailure.values()) {
            LegStatus failed = ringing.failed(failure).orElseThrow();
            assertEquals(LegState.FAILED, failed.state());
            assertEquals(failure.name(), failed.reason());
            assertFalse(failed.isOpen());
        }
        assertEquals(Optional.empty(), connected.failed(LegFailure.BUSY));
    }

    @Test
    void B24_hangingUpEndsTheLegWhetherRingingOrConnected() {
        assertEquals(new LegStatus(LegState.ENDED, null, "HUNG_UP"), ringing.ended(LegEndReason.HUNG_UP).orElseThrow());
        assertEquals(new LegStatus(LegState.ENDED, null, "HUNG_UP"), connected.ended(LegEndReason.HUNG_UP).orElseThrow());
    }

    @Test
    void B25_aLegEndsWithItsCall() {
        assertEquals("CALL_ENDED", connected.ended(LegEndReason.CALL_ENDED).orElseThrow().reason());
    }

    @Test
    void lateReportsAfterTheEndAreIgnored() {
        LegStatus ended = ringing.ended(LegEndReason.HUNG_UP).orElseThrow();
        assertEquals(Optional.empty(), ended.answered(), "a cancelled leg that answers late is not connected");
        assertEquals(Optional.empty(), ended.failed(LegFailure.NO_ANSWER));
        assertEquals(Optional.empty(), ended.ended(LegEndReason.CALL_ENDED));
        LegStatus failed = ringing.failed(LegFailure.BUSY).orElseThrow();
        assertEquals(Optional.empty(), failed.ended(LegEndReason.CALL_ENDED));
        assertTrue(ringing.isOpen() && connected.isOpen());
    }
}
