package cc.monitoring.transcript.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A stream viewer's read position (B11): the highest sequence delivered to them. It only moves forward,
 * and it is announced at most once per {@code interval}; a move held back is announced when its time
 * has come, or when the stream closes, so the last one is never lost.
 */
public final class ReadPositionThrottle {

    private final Duration interval;
    private long announced;
    private long pending;
    private Instant announcedAt;

    /** @param start the position already known (delivered before this stream) */
    public ReadPositionThrottle(Duration interval, long start) {
        this.interval = interval;
        this.announced = start;
    }

    /** Whether delivering {@code sequence} moves a position of {@code current} forward. */
    public static boolean advances(long current, long sequence) {
        return sequence > current;
    }

    /** A message was delivered: the position to announce now, if any. */
    public synchronized OptionalLong delivered(long sequence, Instant now) {
        if (!advances(Math.max(announced, pending), sequence)) {
            return OptionalLong.empty();
        }
        if (announcedAt == null || !now.isBefore(announcedAt.plus(interval))) {
            return announce(sequence, now);
        }
        pending = sequence;
        return OptionalLong.empty();
    }

    /** The held-back position, if its time has come. */
    public synchronized OptionalLong due(Instant now) {
        if (pending == 0 || now.isBefore(announcedAt.plus(interval))) {
            return OptionalLong.empty();
        }
        return announce(pending, now);
    }

    /** The held-back position whatever the time: the stream closes. */
    public synchronized OptionalLong flush(Instant now) {
        return pending == 0 ? OptionalLong.empty() : announce(pending, now);
    }

    /** When a held-back position becomes due; null if none is held back. */
    public synchronized Instant nextDue() {
        return pending == 0 ? null : announcedAt.plus(interval);
    }

    public synchronized long position() {
        return Math.max(announced, pending);
    }

    private OptionalLong announce(long position, Instant now) {
        announced = position;
        pending = 0;
        announcedAt = now;
        return OptionalLong.of(position);
    }
}
