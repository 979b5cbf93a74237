package cc.monitoring.telephony.domain;

/** Why a monitor leg's mode was not changed (B29). The name travels as the event's reason. */
public enum ModeRefusal {
    /** The leg is still ringing, failed or was hung up. */
    LEG_NOT_CONNECTED,
    /** The call, and the leg with it, ended. */
    CALL_ENDED,
    /** The provider refused the change or could not be reached. */
    PROVIDER_ERROR;

    /**
     * The refusal a provider's reason names ({@code LEG_NOT_CONNECTED}, {@code CALL_ENDED}) when the durable mode
     * change is given up; any other reason (a timeout, an HTTP status, none) is {@link #PROVIDER_ERROR}.
     */
    public static ModeRefusal ofProviderReason(String reason) {
        for (ModeRefusal r : values()) {
            if (r.name().equals(reason)) {
                return r;
            }
        }
        return PROVIDER_ERROR;
    }
}
