package cc.monitoring.contracts;

import cc.monitoring.contracts.EventJson.MalformedEventException;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checks a consumer makes before applying an event, in one place for every service. A failed check
 * throws {@link MalformedEventException}: the record is poison and goes to the dead-letter topic instead of
 * being retried. Messages name the field, never echo its value (it may be anything).
 */
public final class EventChecks {

    /** The longest identifier an event may carry. */
    public static final int MAX_ID = 200;

    private EventChecks() {
    }

    /** The envelope's tenant and the payload's must agree: an event never crosses tenants (B06). */
    public static void requireSameTenant(CloudEvent event, String dataTenant) {
        if (!event.tenantid().equals(dataTenant)) {
            throw new MalformedEventException("event " + event.id() + " is for tenant " + event.tenantid()
                    + " but its data names " + dataTenant);
        }
    }

    /** As {@link #requireSameTenant(CloudEvent, String)}, for a caller that kept only the envelope's tenant. */
    public static void requireSameTenant(String envelopeTenant, String dataTenant) {
        if (envelopeTenant == null || !envelopeTenant.equals(dataTenant)) {
            throw new MalformedEventException("the data's tenantId differs from its envelope's tenantid");
        }
    }

    /**
     * The event's payload as {@code type}, whose tenant (read by {@code tenantOf}) is the envelope's (B06).
     *
     * @throws MalformedEventException if the payload is not a {@code type} or names another tenant
     */
    public static <T> T dataOf(CloudEvent event, Class<T> type, Function<T, String> tenantOf) {
        T data = event.dataAs(type);
        requireSameTenant(event, tenantOf.apply(data));
        return data;
    }

    /** A present identifier of a sane length ({@value #MAX_ID} characters at most). */
    public static String require(String value, String field) {
        return require(value, field, MAX_ID);
    }

    /** A present value of at most {@code maxLength} characters (e.g. the length of its column). */
    public static String require(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(field + " is required");
        }
        return optional(value, field, maxLength);
    }

    /** An optional value: null, or at most {@code maxLength} characters. */
    public static String optional(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new MalformedEventException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** A present identifier that the consuming service's own rule ({@code valid}) accepts. */
    public static String require(String value, String field, Predicate<String> valid) {
        require(value, field);
        if (!valid.test(value)) {
            throw new MalformedEventException(field + " is not valid");
        }
        return value;
    }

    /** A present identifier that is a UUID, e.g. an interaction-service interaction id. */
    public static UUID requireUuid(String value, String field) {
        require(value, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field + " is not a UUID");
        }
    }
}
