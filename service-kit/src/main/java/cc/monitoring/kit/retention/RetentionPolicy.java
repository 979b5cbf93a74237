package cc.monitoring.kit.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * Rows that are kept for a bounded time ({@link Retention} deletes what is older, in bounded batches). The kit
 * brings one for {@code consumed_event}; a service adds its own (monitoring-service: the audit trail) as a bean.
 */
public interface RetentionPolicy {

    /** What is deleted, for the log (e.g. {@code consumed_event}). */
    String name();

    /** How long a row is kept. */
    Duration keep();

    /** Deletes at most {@code limit} rows older than {@code cutoff} in the caller's transaction; returns how many. */
    int deleteOlderThan(Instant cutoff, int limit);
}
