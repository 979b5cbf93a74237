package cc.monitoring.telephony.service;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.telephony.domain.LegState;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.CallRepository;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.persistence.MonitorLegRepository;
import cc.monitoring.telephony.persistence.ProviderCommandRepository;
import cc.monitoring.telephony.domain.ProviderCommandKind;
import cc.monitoring.telephony.provider.TelephonyProvider;
import cc.monitoring.telephony.provider.TelephonyProvider.DialRequest;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated network lives in memory, the gateway's knowledge in its schema: at start-up the
 * calls still active are put back into the network with their connected legs, and legs that were
 * ringing are dialed again, so a restart of the gateway loses no call. A ringing leg whose dial command is
 * still pending was never dialed as far as the network knows: the provider command worker dials it (B29).
 */
@ApplicationScoped
public class SimulatorRecovery {

    private static final Logger LOG = Logger.getLogger(SimulatorRecovery.class);

    private final TelephonyConfig config;
    private final SimulatedNetwork network;
    private final TelephonyProvider provider;
    private final CallRepository calls;
    private final MonitorLegRepository legs;
    private final ProviderCommandRepository commands;

    public SimulatorRecovery(TelephonyConfig config, SimulatedNetwork network, TelephonyProvider provider,
                             CallRepository calls, MonitorLegRepository legs, ProviderCommandRepository commands) {
        this.commands = commands;
        this.config = config;
        this.network = network;
        this.provider = provider;
        this.calls = calls;
        this.legs = legs;
    }

    /** After {@link ProviderReports} started listening (default priority), so redials are reported. */
    void restore(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000) StartupEvent ignored) {
        if (!TelephonyConfig.isSimulated(config)) {
            return;
        }
        List<DialRequest> redials = new ArrayList<>();
        int restored = QuarkusTransaction.requiringNew().call(() -> {
            List<CallEntity> active = calls.list("state", CallState.ACTIVE);
            for (CallEntity call : active) {
                Map<String, LegMode> connected = new LinkedHashMap<>();
                for (MonitorLegEntity leg : legs.ofCall(call.tenantId, call.callId)) {
                    if (leg.state == LegState.CONNECTED) {
                        connected.put(leg.legId.toString(), leg.mode);
                    } else if (leg.state == LegState.RINGING && !commands.isPending(leg.legId, ProviderCommandKind.DIAL)) {
                        redials.add(new DialRequest(call.tenantId, leg.legId.toString(), call.providerRef,
                                leg.extensionKind, leg.extensionAddress));
                    }
                }
                network.restoreCall(call.tenantId, call.providerRef, call.agentId, call.customerNumber, connected);
            }
            return active.size();
        });
        redials.forEach(provider::dialMonitorLeg);
        if (restored > 0) {
            LOG.infof("restored %d active call(s) and redialed %d ringing leg(s) in the simulated network",
                    restored, redials.size());
        }
    }
}
