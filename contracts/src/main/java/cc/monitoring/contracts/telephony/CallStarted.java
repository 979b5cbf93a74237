package cc.monitoring.contracts.telephony;

import java.time.Instant;

/** A call between a customer and an agent is up on a flow. */
public record CallStarted(String tenantId, String callId, String flowId, String agentId, String agentName,
                          String customerNumber, Instant at) {
}
