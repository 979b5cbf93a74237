package cc.monitoring.telephony.domain;

/** Why a monitor leg ended. The name travels as the event's reason. */
public enum LegEndReason {
    /** The monitor leg was hung up (by command, or by the supervisor's phone); the call goes on (B24). */
    HUNG_UP,
    /** The call ended, and every monitor leg on it with it (B25). */
    CALL_ENDED
}
