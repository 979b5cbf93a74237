package cc.monitoring.telephony.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How often, and how far apart, a provider command is tried when the provider is unavailable (B29): the
 * delay doubles from {@code firstDelay} up to {@code maxDelay}, with jitter (a random point in the upper half
 * of the interval, so that many commands failed together do not come back together), and after
 * {@code maxAttempts} attempts the command is given up.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("0 <= firstDelay <= maxDelay");
        }
    }

    /**
     * The delay before the next attempt, after {@code attempts} attempts failed retryably; empty when the
     * command is to be given up.
     *
     * @param random a number in [0, 1) (the jitter)
     */
    public Optional<Duration> delayAfter(int attempts, double random) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long first = firstDelay.toMillis();
        long bound = maxDelay.toMillis();
        int doublings = Math.max(0, attempts - 1);
        long interval = doublings >= 62 || first > (bound >> Math.min(doublings, 62)) ? bound : Math.min(bound, first << doublings);
        long low = interval / 2;
        long jitter = (long) (Math.max(0, Math.min(random, 1)) * (interval - low));
        return Optional.of(Duration.ofMillis(Math.min(interval, low + jitter)));
    }
}
