package cc.monitoring.contracts.monitoring;

import cc.monitoring.contracts.interaction.Channel;

import java.time.Instant;

/**
 * Payload of every monitoring-events record (monitor-requested, monitor-joined, barge,
 * monitor-muted, coach, monitor-ended), key = interaction id.
 *
 * @param state          the session's state after the event
 * @param mode           the mode after the event; null while DIALING and once ENDED
 * @param extensionLabel the supervisor's chosen extension (voice only)
 * @param endReason      set on monitor-ended
 * @param detail         e.g. the telephony failure behind DIAL_FAILED
 */
public record MonitoringEvent(
        String tenantId,
        String sessionId,
        String interactionId,
        Channel channel,
        String supervisorId,
        String supervisorName,
        SessionState state,
        SessionMode mode,
        String extensionLabel,
        String extensionAddress,
        EndReason endReason,
        String detail,
        Instant at) {
}
