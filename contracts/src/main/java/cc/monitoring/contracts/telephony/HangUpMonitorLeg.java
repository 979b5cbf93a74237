package cc.monitoring.contracts.telephony;

/**
 * Command: hang up the monitor leg of {@code sessionId}, and only that leg. There is deliberately
 * no command that ends a call: a monitor can never end the call for everyone (B24).
 */
public record HangUpMonitorLeg(String tenantId, String callId, String sessionId) {
}
