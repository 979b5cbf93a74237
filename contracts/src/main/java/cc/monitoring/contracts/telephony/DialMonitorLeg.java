package cc.monitoring.contracts.telephony;

/**
 * Command: add a monitor leg for {@code sessionId} to the conference of {@code callId}, dialing the
 * supervisor's extension. The leg always joins muted (B21).
 */
public record DialMonitorLeg(String tenantId, String callId, String sessionId, String extensionKind,
                             String extensionAddress) {
}
