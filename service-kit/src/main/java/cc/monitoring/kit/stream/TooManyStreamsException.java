package cc.monitoring.kit.stream;

import cc.monitoring.kit.problem.DomainException;

import java.util.Map;

/** The caller, or this instance as a whole, holds as many live streams as allowed (429 too-many-streams). */
public class TooManyStreamsException extends DomainException {

    private final long retryAfterSeconds;

    public TooManyStreamsException(String detail, long retryAfterSeconds) {
        super(Kind.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfter", retryAfterSeconds);
    }
}
