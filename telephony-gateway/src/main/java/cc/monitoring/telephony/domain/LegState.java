package cc.monitoring.telephony.domain;

/** Where a monitor leg is in its life. RINGING → CONNECTED → ENDED, or RINGING → FAILED / ENDED. */
public enum LegState {
    RINGING, CONNECTED, FAILED, ENDED;

    public boolean isOpen() {
        return this == RINGING || this == CONNECTED;
    }
}
