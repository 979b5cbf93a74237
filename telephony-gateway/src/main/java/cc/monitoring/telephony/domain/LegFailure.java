package cc.monitoring.telephony.domain;

/** Why dialing a monitor leg failed (B26). The name travels as the event's reason. */
public enum LegFailure {
    BUSY, NO_ANSWER, UNKNOWN_EXTENSION, CALL_NOT_FOUND,
    /** The provider refused or could not be reached. */
    PROVIDER_ERROR
}
