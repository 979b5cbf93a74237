package cc.monitoring.contracts.telephony;

import java.time.Instant;

/** @param endedBy AGENT, CUSTOMER or SYSTEM */
public record CallEnded(String tenantId, String callId, String endedBy, Instant at) {
}
