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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Flows of the tenant and their default settings; administrators change them, everyone reads them. */
@Path("/api/flows")
@Tag(name = "Flows", description = "Flows and their silent-monitoring toggle (B03)")
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
    @APIResponse(responseCode = "200", description = "OK")
    @Operation(summary = "One flow's settings")
    @APIResponse(responseCode = "400", description = "`invalid-flow`: the flow id has the wrong form")
    @APIResponse(responseCode = "404", description = "`flow-not-found`: no such flow in the caller's tenant")
    public FlowBody get(@PathParam("flowId") String flowId) {
        return FlowBody.of(service.flow(caller.get(), flowId));
    }

    @PUT
    @Path("{flowId}")
    @Operation(summary = "Create or replace a flow's settings; interactions already running keep the toggle they started with (B03)")
    @APIResponse(responseCode = "201", description = "The flow was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowBody.class)))
    @APIResponse(responseCode = "200", description = "The flow was replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-flow`: the id, name or silentMonitoring is missing or"
            + " has the wrong form")
    @APIResponse(responseCode = "403", description = "`not-permitted`: changing a flow needs MANAGE_USERS"
            + " (administrators)")
    public Response put(@PathParam("flowId") String flowId, PutFlow body) {
        if (body == null) {
            throw new InvalidFlowException("Send the flow as {\"name\": \"...\", \"silentMonitoring\": true|false}");
        }
        FlowService.Saved saved = service.put(caller.get(), flowId, body.name(), body.silentMonitoring());
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(FlowBody.of(saved.flow())).build();
    }
}
