package cc.monitoring.contracts.interaction;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Who ended a call or an interaction. Only the call's own parties or the platform can: never a monitor
 * (B24).
 *
 * <p>A value this version does not know (a newer producer) reads as {@link #UNKNOWN}: the event still
 * applies (the call did end), the consumer decides what an unknown ender means.
 */
public enum EndedBy {
    AGENT, CUSTOMER, SYSTEM,
    /** Not sent by any producer; what an unknown value on the wire reads as. */
    @JsonEnumDefaultValue
    UNKNOWN
}
