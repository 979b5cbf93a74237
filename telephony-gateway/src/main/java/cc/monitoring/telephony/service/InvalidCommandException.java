package cc.monitoring.telephony.service;

/**
 * A command that can never be applied (missing or oversized field, tenant mismatch). An
 * {@link IllegalArgumentException}, so the kit parks it on the dead-letter topic at once.
 */
public final class InvalidCommandException extends IllegalArgumentException {
    public InvalidCommandException(String message) {
        super(message);
    }
}
