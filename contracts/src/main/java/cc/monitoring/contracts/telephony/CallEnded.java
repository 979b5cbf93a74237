package cc.monitoring.contracts.telephony;

import cc.monitoring.contracts.interaction.EndedBy;

import java.time.Instant;

/** @param endedBy who hung up the call */
public record CallEnded(String tenantId, String callId, EndedBy endedBy, Instant at) {
}
