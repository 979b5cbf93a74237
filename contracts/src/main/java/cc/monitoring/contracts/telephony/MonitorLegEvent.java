package cc.monitoring.contracts.telephony;

import java.time.Instant;

/**
 * Payload of every monitor-leg event: connected, failed, mode changed, ended.
 *
 * @param mode   the leg's mode after the event (connected legs are MUTED)
 * @param reason for failed and ended legs: BUSY, NO_ANSWER, UNKNOWN_EXTENSION, CALL_NOT_FOUND,
 *               HUNG_UP, CALL_ENDED; null otherwise
 */
public record MonitorLegEvent(String tenantId, String callId, String sessionId, String legId, LegMode mode,
                              String reason, Instant at) {
}
