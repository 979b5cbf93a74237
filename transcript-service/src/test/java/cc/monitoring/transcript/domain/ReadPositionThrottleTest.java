package cc.monitoring.transcript.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not a @QuarkusTest: when a read position moves and is announced is plain Java. */
class ReadPositionThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void B11_thePositionOnlyMovesForward() {
        assertTrue(ReadPositionThrottle.advances(3, 4));
        assertFalse(ReadPositionThrottle.advances(4, 4));
        assertFalse(ReadPositionThrottle.advances(5, 4));
        ReadPositionThrottle throttle = new ReadPositionThrottle(Duration.ofSeconds(1), 5);
        assertEquals(OptionalLong.empty(), throttle.delivered(3, T0), "already read before this stream");
        assertEquals(OptionalLong.empty(), throttle.delivered(5, T0));
        assertEquals(OptionalLong.of(6), throttle.delivered(6, T0));
    }

    @Test
    void B11_aStreamAnnouncesAtMostOncePerIntervalAndNeverLosesTheLastPosition() {
        ReadPositionThrottle throttle = new ReadPositionThrottle(Duration.ofSeconds(1), 0);
        assertEquals(OptionalLong.of(1), throttle.delivered(1, T0), "the first move is announced at once");
        assertEquals(OptionalLong.empty(), throttle.delivered(2, T0.plusMillis(100)));
        assertEquals(OptionalLong.empty(), throttle.delivered(3, T0.plusMillis(200)));
        assertEquals(3, throttle.position());
        assertEquals(T0.plusSeconds(1), throttle.nextDue());
        assertEquals(OptionalLong.empty(), throttle.due(T0.plusMillis(999)));
        assertEquals(OptionalLong.of(3), throttle.due(T0.plusSeconds(1)), "the held-back one, when its time came");
        assertNull(throttle.nextDue());
        assertEquals(OptionalLong.empty(), throttle.due(T0.plusSeconds(5)));
        assertEquals(OptionalLong.of(4), throttle.delivered(4, T0.plusSeconds(3)), "quiet long enough: at once");
    }

    @Test
    void B11_closingTheStreamAnnouncesWhatWasHeldBack() {
        ReadPositionThrottle throttle = new ReadPositionThrottle(Duration.ofSeconds(1), 0);
        throttle.delivered(1, T0);
        throttle.delivered(2, T0.plusMillis(10));
        assertEquals(OptionalLong.of(2), throttle.flush(T0.plusMillis(20)));
        assertEquals(OptionalLong.empty(), throttle.flush(T0.plusMillis(30)), "nothing twice");
    }
}
