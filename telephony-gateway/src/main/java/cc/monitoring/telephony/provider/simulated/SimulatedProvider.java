package cc.monitoring.telephony.provider.simulated;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.TelephonyProvider;

/** The monitoring path's view of the {@link SimulatedNetwork}: monitor legs only, never the call itself. */
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
        network.dial(request);
    }

    @Override
    public void setMonitorLegMode(LegRef leg, LegMode mode) {
        network.setMode(leg.callRef(), leg.legId(), mode);
    }

    @Override
    public void hangUpMonitorLeg(LegRef leg) {
        network.hangUpLeg(leg.callRef(), leg.legId());
    }
}
