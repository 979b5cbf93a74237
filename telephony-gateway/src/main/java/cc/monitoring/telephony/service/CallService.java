package cc.monitoring.telephony.service;

import cc.monitoring.kit.api.PageOf;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.domain.CallAccess;
import cc.monitoring.telephony.domain.CallEndedException;
import cc.monitoring.telephony.domain.CallNotFoundException;
import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.NewCall;
import cc.monitoring.telephony.domain.SimulatorDisabledException;
import cc.monitoring.telephony.messaging.out.TelephonyEventsPublisher;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.persistence.CallRepository;
import cc.monitoring.telephony.persistence.MonitorLegEntity;
import cc.monitoring.telephony.persistence.MonitorLegRepository;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Calls: placed and hung up in the simulated network (demos, tests, benchmark), ended when the
 * provider reports it, and shown to the tenant they belong to, and to nobody else.
 */
@ApplicationScoped
@Transactional
public class CallService {

    private final CallRepository calls;
    private final MonitorLegRepository legs;
    private final MonitorLegService legService;
    private final TelephonyEventsPublisher events;
    private final SimulatedNetwork network;
    private final TelephonyConfig config;
    private final CallerPermissions permissions;

    public CallService(CallRepository calls, MonitorLegRepository legs, MonitorLegService legService,
                       TelephonyEventsPublisher events, SimulatedNetwork network, TelephonyConfig config,
                       CallerPermissions permissions) {
        this.permissions = permissions;
        this.calls = calls;
        this.legs = legs;
        this.legService = legService;
        this.events = events;
        this.network = network;
        this.config = config;
    }

    /** A customer and an agent start talking on a flow; announced as call-started. */
    public CallEntity place(Caller caller, NewCall data) {
        permissions.requireSimulatorOperator(caller);
        requireSimulator();
        CallEntity call = new CallEntity();
        call.callId = UUID.randomUUID().toString();
        call.tenantId = caller.tenantId();
        call.providerRef = call.callId;
        call.flowId = data.flowId();
        call.agentId = data.agentId();
        call.agentName = data.agentName();
        call.customerNumber = data.customerNumber();
        call.state = CallState.ACTIVE;
        call.startedAt = Instant.now();
        calls.persist(call);
        events.callStarted(call);
        network.startCall(call.tenantId, call.providerRef, call.agentId, call.customerNumber);
        return call;
    }

    /** The agent or the customer hangs up; the network reports the end, which is then announced. */
    public void hangUp(Caller caller, String callId, EndedBy endedBy) {
        permissions.requireSimulatorOperator(caller);
        requireSimulator();
        CallEntity call = ofTenant(caller, callId);
        if (call.state == CallState.ENDED) {
            throw new CallEndedException(callId);
        }
        if (network.isUp(call.providerRef)) {
            network.endCall(call.providerRef, endedBy);
        } else {
            // the network forgot the call (the simulator restarted): end it here
            end(call, endedBy);
        }
    }

    /**
     * A call with the monitor legs the caller may see (B07). A monitor sees only calls they have a leg
     * on: any other call is not found for them, as is another tenant's (B06).
     */
    public CallView view(Caller caller, String callId) {
        CallAccess access = permissions.callAccess(caller);
        CallEntity call = ofTenant(caller, callId);
        List<MonitorLegEntity> shown = legs.ofCall(call.tenantId, call.callId).stream()
                .filter(leg -> access.showsLeg(leg.supervisorId)).toList();
        if (!access.allCalls() && shown.isEmpty()) {
            throw new CallNotFoundException(callId);
        }
        return new CallView(call, shown);
    }

    /** The calls the caller may see (B07), newest first. */
    public PageOf<CallEntity> list(Caller caller, CallState state, int page, int size) {
        CallAccess access = permissions.callAccess(caller);
        var query = access.allCalls()
                ? calls.listing(caller.tenantId(), state, page, size)
                : calls.listingWithLegOf(caller.tenantId(), caller.userId(), state, page, size);
        return new PageOf<>(query.list(), page, size, query.count());
    }

    /** A call and the monitor legs its viewer may see. */
    public record CallView(CallEntity call, List<MonitorLegEntity> legs) {
    }

    private CallEntity ofTenant(Caller caller, String callId) {
        return calls.ofTenant(caller.tenantId(), callId).orElseThrow(() -> new CallNotFoundException(callId));
    }

    /** The provider reports that a call ended: its open legs end (B25), then the call. */
    public void ended(String callRef, EndedBy endedBy) {
        calls.byProviderRefForUpdate(callRef).filter(c -> c.state == CallState.ACTIVE).ifPresent(call -> end(call, endedBy));
    }

    private void end(CallEntity call, EndedBy endedBy) {
        legService.callEnded(call.tenantId, call.callId);
        call.state = CallState.ENDED;
        call.endedAt = Instant.now();
        call.endedBy = endedBy;
        events.callEnded(call);
    }

    private void requireSimulator() {
        if (!TelephonyConfig.isSimulated(config)) {
            throw new SimulatorDisabledException();
        }
    }
}
