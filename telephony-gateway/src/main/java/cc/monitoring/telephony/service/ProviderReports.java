package cc.monitoring.telephony.service;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.LegEndReason;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.ModeRefusal;
import cc.monitoring.telephony.provider.TelephonyListener;
import cc.monitoring.telephony.provider.TelephonyProvider;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The listener the gateway gives its provider: each report becomes a transactional state change. */
@ApplicationScoped
public class ProviderReports implements TelephonyListener {

    private final MonitorLegService legs;
    private final CallService calls;
    private final TelephonyProvider provider;

    public ProviderReports(MonitorLegService legs, CallService calls, TelephonyProvider provider) {
        this.legs = legs;
        this.calls = calls;
        this.provider = provider;
    }

    void start(@Observes StartupEvent ignored) {
        provider.listen(this);
    }

    @Override
    public void legRinging(String legId, String providerLegRef) {
        legs.ringing(legId, providerLegRef);
    }

    @Override
    public void legAnswered(String legId) {
        legs.answered(legId);
    }

    @Override
    public void legFailed(String legId, LegFailure failure) {
        legs.failed(legId, failure);
    }

    @Override
    public void legModeChanged(String legId, LegMode mode) {
        legs.modeChanged(legId, mode);
    }

    @Override
    public void legModeRefused(String legId, ModeRefusal reason) {
        legs.modeRefused(legId, reason);
    }

    @Override
    public void legEnded(String legId, LegEndReason reason) {
        legs.ended(legId, reason);
    }

    @Override
    public void callEnded(String callRef, EndedBy endedBy) {
        calls.ended(callRef, endedBy);
    }
}
