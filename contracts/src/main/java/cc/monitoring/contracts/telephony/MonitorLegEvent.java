package cc.monitoring.contracts.telephony;

import java.time.Instant;

/**
 * Payload of every monitor-leg event: connected, failed, mode changed, ended.
 *
 * @param mode   the leg's mode after the event (connected legs are MUTED)
 * @param reason for failed and ended legs and refused mode changes; null otherwise
 */
public record MonitorLegEvent(String tenantId, String callId, String sessionId, String legId, LegMode mode,
                              LegReason reason, Instant at) {

    /** The reason's name, e.g. for an audit detail; null if the event has none. */
    public String reasonName() {
        return reason == null ? null : reason.name();
    }
}
