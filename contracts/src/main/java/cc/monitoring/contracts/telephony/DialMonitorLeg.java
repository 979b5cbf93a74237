package cc.monitoring.contracts.telephony;

/**
 * Command: add a monitor leg for {@code sessionId} to the conference of {@code callId}, dialing the
 * supervisor's extension. The leg always joins muted (B21). {@code supervisorId} owns the leg: only they
 * (and audit readers) may see it through the gateway's API (B07).
 */
public record DialMonitorLeg(String tenantId, String callId, String sessionId, String supervisorId,
                             String extensionKind, String extensionAddress) {
}
