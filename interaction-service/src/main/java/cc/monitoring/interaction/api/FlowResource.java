package cc.monitoring.interaction.api;

import cc.monitoring.interaction.api.Representations.FlowBody;
import cc.monitoring.interaction.api.Representations.PutFlow;
import cc.monitoring.interaction.domain.InvalidFlowException;
import cc.monitoring.interaction.service.FlowService;
import cc.monitoring.kit.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Flows of the tenant and their default settings; administrators change them, everyone reads them. */
@Path("/api/flows")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FlowResource {

    private final FlowService service;
    private final CurrentCaller caller;

    public FlowResource(FlowService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Flows of the tenant, by id")
    public List<FlowBody> list() {
        return service.list(caller.get()).stream().map(FlowBody::of).toList();
    }

    @GET
    @Path("{flowId}")
    public FlowBody get(@PathParam("flowId") String flowId) {
        return FlowBody.of(service.flow(caller.get(), flowId));
    }

    @PUT
    @Path("{flowId}")
    @Operation(summary = "Create or replace a flow's settings; interactions already running keep the toggle they started with (B03)")
    public Response put(@PathParam("flowId") String flowId, PutFlow body) {
        if (body == null) {
            throw new InvalidFlowException("Send the flow as {\"name\": \"...\", \"silentMonitoring\": true|false}");
        }
        FlowService.Saved saved = service.put(caller.get(), flowId, body.name(), body.silentMonitoring());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(FlowBody.of(saved.flow())).build();
    }
}
