package cc.monitoring.telephony.domain;

/** Why dialing a monitor leg failed (B26). The name travels as the event's reason. */
public enum LegFailure {
    BUSY, NO_ANSWER, UNKNOWN_EXTENSION, CALL_NOT_FOUND,
    /** The provider refused or could not be reached. */
    PROVIDER_ERROR;

    /**
     * The failure a provider's reason names ({@code CALL_NOT_FOUND}, {@code UNKNOWN_EXTENSION} …) when the
     * durable dial command is given up; any other reason (a timeout, an HTTP status, none) is {@link #PROVIDER_ERROR}.
     */
    public static LegFailure ofProviderReason(String reason) {
        for (LegFailure f : values()) {
            if (f.name().equals(reason)) {
                return f;
            }
        }
        return PROVIDER_ERROR;
    }
}
