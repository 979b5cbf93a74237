package cc.monitoring.telephony.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backoff of provider commands (B29): plain Java. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(3));

    @Test
    void B29_theDelayDoublesPerAttemptUpToTheBound() {
        // the top of the jitter range is the interval itself
        assertEquals(Optional.of(Duration.ofMillis(500)), policy.delayAfter(1, 1.0));
        assertEquals(Optional.of(Duration.ofMillis(1000)), policy.delayAfter(2, 1.0));
        assertEquals(Optional.of(Duration.ofMillis(2000)), policy.delayAfter(3, 1.0));
        assertEquals(Optional.of(Duration.ofMillis(3000)), policy.delayAfter(4, 1.0), "bounded by the maximum");
        assertEquals(Duration.ofSeconds(3),
                new RetryPolicy(100, Duration.ofMillis(500), Duration.ofSeconds(3)).delayAfter(99, 1.0).orElseThrow(),
                "no overflow however many attempts");
    }

    @Test
    void B29_jitterStaysInTheUpperHalfOfTheInterval() {
        for (int attempts = 1; attempts < 5; attempts++) {
            long interval = Math.min(3000, 500L << (attempts - 1));
            for (double random = 0; random < 1; random += 0.05) {
                long delay = policy.delayAfter(attempts, random).orElseThrow().toMillis();
                assertTrue(delay >= interval / 2 && delay <= interval, attempts + "/" + random + ": " + delay);
            }
        }
        assertEquals(Duration.ofMillis(250), policy.delayAfter(1, 0).orElseThrow());
    }

    @Test
    void B29_givenUpAfterTheLastAttempt() {
        assertTrue(policy.delayAfter(4, 0.5).isPresent());
        assertEquals(Optional.empty(), policy.delayAfter(5, 0.5));
        assertEquals(Optional.empty(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO).delayAfter(1, 0.5),
                "one attempt: no retry");
    }

    @Test
    void aPolicyWithoutAttemptsOrWithABoundBelowTheFirstDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
