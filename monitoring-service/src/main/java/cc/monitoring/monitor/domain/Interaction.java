package cc.monitoring.monitor.domain;

import cc.monitoring.contracts.interaction.Channel;

/** What the monitoring rules need to know of an interaction. */
public record Interaction(String tenantId, String interactionId, Channel channel, boolean silentMonitoring,
                          String agentId, String callId, boolean active) {
}
