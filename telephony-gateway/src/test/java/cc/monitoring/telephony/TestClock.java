package cc.monitoring.telephony;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of the provider command worker in tests (replaces the system clock): it stands still until a test
 * advances it, so a retry comes due exactly when the test says, never because the machine was slow (B29).
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant now = Instant.now();

    @Override
    public Instant instant() {
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
