package cc.monitoring.contracts.telephony;

/** What the other parties of the call hear from a monitor leg. */
public enum LegMode {
    /** Nobody hears the monitor. */
    MUTED,
    /** Agent and customer hear the monitor (barge). */
    UNMUTED,
    /** Only the agent hears the monitor (whisper). */
    COACHING
}
