package cc.monitoring.contracts.interaction;

import java.time.Instant;

/**
 * An interaction began on a flow. {@code silentMonitoring} is the flow's toggle as it was at this
 * moment; the interaction keeps it until it ends (B03).
 *
 * @param callId the telephony call for voice, null for digital channels
 */
public record InteractionStarted(
        String tenantId,
        String interactionId,
        Channel channel,
        String flowId,
        String flowName,
        boolean silentMonitoring,
        String agentId,
        String agentName,
        String customer,
        String callId,
        Instant startedAt) {
}
