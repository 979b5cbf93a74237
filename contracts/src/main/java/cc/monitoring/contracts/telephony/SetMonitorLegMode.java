package cc.monitoring.contracts.telephony;

/** Command: change what the call hears from the monitor leg of {@code sessionId}. */
public record SetMonitorLegMode(String tenantId, String callId, String sessionId, LegMode mode) {
}
