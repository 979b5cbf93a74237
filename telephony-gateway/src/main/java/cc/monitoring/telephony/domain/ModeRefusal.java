package cc.monitoring.telephony.domain;

/** Why a monitor leg's mode was not changed (B29). The name travels as the event's reason. */
public enum ModeRefusal {
    /** The leg is still ringing, failed or was hung up. */
    LEG_NOT_CONNECTED,
    /** The call, and the leg with it, ended. */
    CALL_ENDED,
    /** The provider refused the change or could not be reached. */
    PROVIDER_ERROR
}
