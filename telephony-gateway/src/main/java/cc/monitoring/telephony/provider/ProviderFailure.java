package cc.monitoring.telephony.provider;

/**
 * A provider request that did not go through. {@code retryable} failures (the provider was unavailable or
 * throttled: HTTP 429, 5xx, a timeout) may succeed when asked again later; the others (the provider refused the
 * request, e.g. the conference or participant does not exist) will not. {@code reason} is a stable, short
 * machine-readable word for logs and end reasons; the message never carries credentials.
 */
public class ProviderFailure extends RuntimeException {

    private final boolean retryable;
    private final String reason;

    public ProviderFailure(boolean retryable, String reason, String message) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.reason = reason;
    }

    public static ProviderFailure retryable(String reason, String message) {
        return new ProviderFailure(true, reason, message);
    }

    public static ProviderFailure refused(String reason, String message) {
        return new ProviderFailure(false, reason, message);
    }

    public boolean retryable() {
        return retryable;
    }

    public String reason() {
        return reason;
    }
}
