package cc.monitoring.telephony.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.telephony.api.Representations.FailureBody;
import cc.monitoring.telephony.api.Representations.InjectedFailure;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.domain.InvalidFailureException;
import cc.monitoring.telephony.domain.SimulatorDisabledException;
import cc.monitoring.telephony.provider.simulated.SimulatedBehaviour;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
import cc.monitoring.telephony.service.CallerPermissions;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

/**
 * Makes dialing an extension of the caller's tenant fail, ring for ever or refuse mode changes in the
 * simulated network, or makes the simulated provider hold, fail or refuse the gateway's requests about it
 * (B26, B27, B29 demos and tests). Only for the phone simulator (OPERATE_SIMULATOR).
 */
@Path("/api/telephony/simulator/failures")
@Tag(name = "Simulator", description = "Behaviours injected into the simulated provider, for demos and tests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    private final SimulatedNetwork network;
    private final CurrentCaller caller;
    private final TelephonyConfig config;
    private final CallerPermissions permissions;

    public SimulatorResource(SimulatedNetwork network, CurrentCaller caller, TelephonyConfig config,
                             CallerPermissions permissions) {
        this.network = network;
        this.caller = caller;
        this.config = config;
        this.permissions = permissions;
    }

    @GET
    @Operation(summary = "The behaviours injected in the caller's tenant (OPERATE_SIMULATOR)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "`simulator-not-permitted`: the role lacks OPERATE_SIMULATOR")
    @APIResponse(responseCode = "409", description = "`simulator-disabled`: this gateway runs a real provider, not the"
            + " simulator")
    public List<InjectedFailure> list() {
        requireOperator();
        return network.injected(caller.get().tenantId()).entrySet().stream()
                .map(e -> new InjectedFailure(e.getKey(), e.getValue())).toList();
    }

    @PUT
    @Path("{address}")
    @Operation(summary = "Dialing this extension behaves so from now on: BUSY, NO_ANSWER, UNKNOWN_EXTENSION, "
            + "RING_FOREVER, REFUSE_MODE_CHANGE, HOLD, PROVIDER_UNAVAILABLE or PROVIDER_REFUSES (OPERATE_SIMULATOR)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-failure`: the address or failure has the wrong form")
    @APIResponse(responseCode = "403", description = "`simulator-not-permitted`: the role lacks OPERATE_SIMULATOR")
    @APIResponse(responseCode = "409", description = "`simulator-disabled`: this gateway runs a real provider, not the"
            + " simulator")
    public InjectedFailure inject(@PathParam("address") String address, FailureBody body) {
        requireOperator();
        SimulatedBehaviour behaviour = behaviour(body);
        network.inject(caller.get().tenantId(), address(address), behaviour);
        return new InjectedFailure(address(address), behaviour);
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Dialing this extension behaves normally again (OPERATE_SIMULATOR)")
    @APIResponse(responseCode = "204", description = "Dialing the extension behaves normally again")
    @APIResponse(responseCode = "400", description = "`invalid-failure`: the address has the wrong form")
    @APIResponse(responseCode = "403", description = "`simulator-not-permitted`: the role lacks OPERATE_SIMULATOR")
    @APIResponse(responseCode = "409", description = "`simulator-disabled`: this gateway runs a real provider, not the"
            + " simulator")
    public Response clear(@PathParam("address") String address) {
        requireOperator();
        network.clear(caller.get().tenantId(), address(address));
        return Response.noContent().build();
    }

    private void requireOperator() {
        permissions.requireSimulatorOperator(caller.get());
        if (!TelephonyConfig.isSimulated(config)) {
            throw new SimulatorDisabledException();
        }
    }

    private static String address(String address) {
        if (address == null || address.isBlank() || address.length() > 255) {
            throw new InvalidFailureException("The extension address has 1 to 255 characters");
        }
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static SimulatedBehaviour behaviour(FailureBody body) {
        String name = body == null ? null : body.failure();
        try {
            return SimulatedBehaviour.valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFailureException("'failure' is one of " + java.util.Arrays.toString(SimulatedBehaviour.values()));
        }
    }
}
