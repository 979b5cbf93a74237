package cc.monitoring.monitor.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as PostgreSQL stores them (microseconds), so an answer and a later read agree. */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
