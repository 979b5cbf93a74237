package cc.monitoring.telephony.provider;

import cc.monitoring.contracts.telephony.LegMode;

/**
 * The telephony platform as the gateway sees it: it can put a monitor leg into a call's conference,
 * change what the call hears from it, and take that leg out again. Everything else that happens
 * (answers, failures, calls ending) is reported to the {@link TelephonyListener}.
 * <p>
 * Deliberately, nothing here ends a call: hanging up a monitor leg removes that leg only, and there is
 * no other operation, so the monitoring path cannot end a call for everyone (B24).
 * <p>
 * Every operation is performed by the gateway's durable command worker (B29) and is idempotent per monitor
 * leg: asked again after a crash, it has the effect of asking once (a dial with the same {@code legId} dials
 * once; a mode is a state; hanging up a leg that is already gone succeeds). An operation returns once the
 * provider accepted the request and throws {@link ProviderFailure} when it did not; the leg's new state
 * (answered, mode confirmed, ended) arrives later through the listener.
 */
public interface TelephonyProvider {

    /** Called once at start-up: where to report call and leg happenings. */
    void listen(TelephonyListener listener);

    /** Dials the extension into the call's conference. The leg joins muted (B21), without a beep. */
    void dialMonitorLeg(DialRequest request);

    /** Muted, unmuted (barge) or coaching (heard by the agent only). */
    void setMonitorLegMode(LegRef leg, LegMode mode);

    /** Takes this monitor leg out of the conference (cancels it while ringing). The call goes on. */
    void hangUpMonitorLeg(LegRef leg);

    /**
     * @param callRef the provider's name for the call's conference
     */
    record DialRequest(String tenantId, String legId, String callRef, String extensionKind, String extensionAddress) {
    }

    /**
     * @param providerLegRef the provider's name for the leg, once it reported one (may be null)
     * @param agentLegRef    the provider's name for the agent's leg, the one to coach (may be null)
     */
    record LegRef(String tenantId, String legId, String callRef, String providerLegRef, String agentLegRef) {
    }
}
