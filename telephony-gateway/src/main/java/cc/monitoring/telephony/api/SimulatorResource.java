package cc.monitoring.telephony.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.telephony.api.Representations.FailureBody;
import cc.monitoring.telephony.api.Representations.InjectedFailure;
import cc.monitoring.telephony.config.TelephonyConfig;
import cc.monitoring.telephony.domain.InvalidFailureException;
import cc.monitoring.telephony.domain.LegFailure;
import cc.monitoring.telephony.domain.SimulatorDisabledException;
import cc.monitoring.telephony.provider.simulated.SimulatedNetwork;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Makes dialing an extension of the caller's tenant fail in the simulated network (B26 demos and tests). */
@Path("/api/telephony/simulator/failures")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    private static final Set<LegFailure> INJECTABLE = EnumSet.of(LegFailure.BUSY, LegFailure.NO_ANSWER,
            LegFailure.UNKNOWN_EXTENSION);

    private final SimulatedNetwork network;
    private final CurrentCaller caller;
    private final TelephonyConfig config;

    public SimulatorResource(SimulatedNetwork network, CurrentCaller caller, TelephonyConfig config) {
        this.network = network;
        this.caller = caller;
        this.config = config;
    }

    @GET
    public List<InjectedFailure> list() {
        requireSimulator();
        return network.failures(caller.get().tenantId()).entrySet().stream()
                .map(e -> new InjectedFailure(e.getKey(), e.getValue())).toList();
    }

    @PUT
    @Path("{address}")
    @Operation(summary = "Dialing this extension fails from now on: BUSY, NO_ANSWER or UNKNOWN_EXTENSION")
    public InjectedFailure inject(@PathParam("address") String address, FailureBody body) {
        requireSimulator();
        LegFailure failure = failure(body);
        network.injectFailure(caller.get().tenantId(), address(address), failure);
        return new InjectedFailure(address(address), failure);
    }

    @DELETE
    @Path("{address}")
    public Response clear(@PathParam("address") String address) {
        requireSimulator();
        network.clearFailure(caller.get().tenantId(), address(address));
        return Response.noContent().build();
    }

    private void requireSimulator() {
        if (config.provider() != TelephonyConfig.ProviderKind.simulated) {
            throw new SimulatorDisabledException();
        }
    }

    private static String address(String address) {
        if (address == null || address.isBlank() || address.length() > 255) {
            throw new InvalidFailureException("The extension address has 1 to 255 characters");
        }
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static LegFailure failure(FailureBody body) {
        String name = body == null ? null : body.failure();
        try {
            LegFailure failure = LegFailure.valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT));
            if (INJECTABLE.contains(failure)) {
                return failure;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidFailureException("'failure' is BUSY, NO_ANSWER or UNKNOWN_EXTENSION");
    }
}
