package cc.monitoring.telephony.provider.simulated;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.TelephonyProvider;

/**
 * The monitoring path's view of the {@link SimulatedNetwork}: monitor legs only, never the call itself.
 * Idempotent per leg, as {@link TelephonyProvider} asks: a leg is dialed once however often it is asked, and
 * hanging up a leg that is gone succeeds. Injected provider faults (HOLD, PROVIDER_UNAVAILABLE,
 * PROVIDER_REFUSES) act here, on the caller's thread, like a real provider's answer would.
 */
public final class SimulatedProvider implements TelephonyProvider {

    private final SimulatedNetwork network;

    public SimulatedProvider(SimulatedNetwork network) {
        this.network = network;
    }

    @Override
    public void listen(TelephonyListener listener) {
        network.listen(listener);
    }

    @Override
    public void dialMonitorLeg(DialRequest request) {
        network.providerFaults(request);
        network.dial(request);
    }

    @Override
    public void setMonitorLegMode(LegRef leg, LegMode mode) {
        network.providerFaultsOfLeg(leg.legId());
        network.setMode(leg.callRef(), leg.legId(), mode);
    }

    @Override
    public void hangUpMonitorLeg(LegRef leg) {
        network.providerFaultsOfLeg(leg.legId());
        network.hangUpLeg(leg.callRef(), leg.legId());
    }
}
