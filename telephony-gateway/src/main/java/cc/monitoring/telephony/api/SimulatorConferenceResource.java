package cc.monitoring.telephony.api;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.domain.CallDetailsNotPermittedException;
import cc.monitoring.telephony.domain.InvalidIdException;
import cc.monitoring.telephony.domain.SimulatorDisabledException;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import cc.monitoring.telephony.service.CallService;
import cc.monitoring.telephony.service.CallerPermissions;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The simulated network's own view of a call's conference, as the provider has it (not as the gateway recorded
 * it): who is in it, which monitor legs, connected or ringing, in which mode. For audit readers (VIEW_AUDIT, who
 * see every monitor leg anyway, B07) and tests that check what the provider was asked (B29: a leg dialed once).
 */
@Path("/api/telephony/simulator/conferences")
@Tag(name = "Simulator", description = "Behaviours injected into the simulated provider, for demos and tests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorConferenceResource {

    private final SimulatedNetwork network;
    private final CurrentCaller caller;
    private final TelephonyConfig config;
    private final CallerPermissions permissions;
    private final CallService calls;

    public SimulatorConferenceResource(SimulatedNetwork network, CurrentCaller caller, TelephonyConfig config,
                                       CallerPermissions permissions, CallService calls) {
        this.network = network;
        this.caller = caller;
        this.config = config;
        this.permissions = permissions;
        this.calls = calls;
    }

    @GET
    @Path("{callId}")
    @Operation(summary = "The simulated network's conference of a call: agent, customer, monitor legs (VIEW_AUDIT)")
    @APIResponse(responseCode = "200", description = "The conference as the simulated network has it")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the call id is malformed")
    @APIResponse(responseCode = "403", description = "`call-details-not-permitted`: the role lacks VIEW_AUDIT")
    @APIResponse(responseCode = "404", description = "`call-not-found`: no such call in the caller's tenant")
    @APIResponse(responseCode = "409", description = "`simulator-disabled`: this gateway runs a real provider, not the"
            + " simulator")
    public ConferenceBody get(@PathParam("callId") String callId) {
        Caller who = caller.get();
        if (!permissions.callAccess(who).allLegs()) {
            throw new CallDetailsNotPermittedException();
        }
        if (!TelephonyConfig.isSimulated(config)) {
            throw new SimulatorDisabledException();
        }
        CallService.CallView view = calls.view(who, InvalidIdException.check("callId", callId));
        return network.conference(view.call().providerRef)
                .map(c -> new ConferenceBody(view.call().callId, true, c.agentId(), c.customerNumber(),
                        c.monitorLegs().entrySet().stream()
                                .map(l -> new ConferenceLeg(l.getKey(), l.getValue().connected(), l.getValue().mode()))
                                .toList()))
                .orElseGet(() -> new ConferenceBody(view.call().callId, false, null, null, List.of()));
    }

    /** {@code up}: whether the network still has the call; a call that ended has no conference. */
    public record ConferenceBody(String callId, boolean up, String agentId, String customerNumber,
                                 List<ConferenceLeg> monitorLegs) {
    }

    public record ConferenceLeg(String legId, boolean connected, LegMode mode) {
    }
}
