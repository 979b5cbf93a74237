package cc.monitoring.contracts.telephony;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Why a monitor leg failed, ended or kept its mode ({@link MonitorLegEvent#reason()}).
 *
 * <p>A value this version does not know (a newer producer) reads as {@link #UNKNOWN}: the leg did fail or
 * end, so the event still applies; only its reason is unknown.
 */
public enum LegReason {
    // monitor-leg-failed (B26)
    BUSY, NO_ANSWER, UNKNOWN_EXTENSION, CALL_NOT_FOUND,
    /** The provider refused or could not be reached (failed dial or refused mode change, B29). */
    PROVIDER_ERROR,
    // monitor-leg-ended
    /** The monitor leg was hung up; the call goes on (B24). */
    HUNG_UP,
    /** The call ended, and every monitor leg on it with it (B25); also why a mode change was refused. */
    CALL_ENDED,
    // monitor-leg-mode-refused (B29)
    /** The leg is still ringing, failed or was hung up. */
    LEG_NOT_CONNECTED,
    /** Not sent by any producer; what an unknown value on the wire reads as. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** The reason named {@code name} (a producer's own enum name), null for null. */
    public static LegReason of(String name) {
        return name == null ? null : valueOf(name);
    }
}
