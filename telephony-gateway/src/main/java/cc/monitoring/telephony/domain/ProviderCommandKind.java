package cc.monitoring.telephony.domain;

/** What a durable provider command asks the provider (B29). */
public enum ProviderCommandKind {
    /** Dial the monitor leg into the call's conference, muted (B21). */
    DIAL,
    /** Change the connected leg's mode (B23, B50); the payload is the mode. */
    SET_MODE,
    /** Take the leg out of the conference; the call goes on (B24). */
    HANG_UP
}
