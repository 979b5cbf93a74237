package cc.monitoring.telephony.api;

import cc.monitoring.kit.api.PageOf;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.telephony.api.Representations.CallBody;
import cc.monitoring.telephony.api.Representations.CallSummary;
import cc.monitoring.telephony.api.Representations.HangUp;
import cc.monitoring.telephony.api.Representations.PlaceCall;
import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.telephony.domain.InvalidCallException;
import cc.monitoring.telephony.domain.InvalidIdException;
import cc.monitoring.telephony.domain.NewCall;
import cc.monitoring.telephony.persistence.CallEntity;
import cc.monitoring.telephony.service.CallService;
import cc.monitoring.kit.api.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;

/**
 * Calls of the caller's tenant: placed and hung up in the simulated network by the phone simulator
 * (OPERATE_SIMULATOR), inspected on any provider by those who may (B07, see {@code CallAccess}).
 */
@Path("/api/telephony/calls")
@Tag(name = "Calls", description = "Calls at the provider with their participants and monitor legs; the simulator places and hangs up calls")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallResource {

    private final CallService service;
    private final CurrentCaller caller;

    public CallResource(CallService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Place a simulated call between a customer and an agent; publishes call-started (OPERATE_SIMULATOR)")
    @APIResponse(responseCode = "201", description = "The call; Location names it; call-started is published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-call`: flowId, agentId or customerNumber missing or"
            + " malformed")
    @APIResponse(responseCode = "403", description = "`simulator-not-permitted`: the role lacks OPERATE_SIMULATOR")
    @APIResponse(responseCode = "409", description = "`simulator-disabled`: this gateway runs a real provider, not the"
            + " simulator")
    public Response place(PlaceCall body, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (body == null) {
            throw new InvalidCallException("A call needs flowId, agentId and customerNumber");
        }
        CallEntity call = service.place(caller.get(),
                NewCall.of(body.flowId(), body.agentId(), body.agentName(), body.customerNumber()));
        return Response.created(uri.getAbsolutePathBuilder().path(call.callId).build())
                .entity(CallBody.of(call, List.of())).build();
    }

    @POST
    @Path("{callId}/hangup")
    @Operation(summary = "The agent or the customer hangs up the simulated call; publishes call-ended (OPERATE_SIMULATOR)")
    @APIResponse(responseCode = "202", description = "The call ends; call-ended is published")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the call id is malformed; `invalid-call`: by is"
            + " AGENT or CUSTOMER")
    @APIResponse(responseCode = "403", description = "`simulator-not-permitted`: the role lacks OPERATE_SIMULATOR")
    @APIResponse(responseCode = "404", description = "`call-not-found`: no such call in the caller's tenant")
    @APIResponse(responseCode = "409", description = "`call-ended`: the call has ended already; `simulator-disabled`:"
            + " this gateway runs a real provider")
    public Response hangUp(@PathParam("callId") String callId, HangUp body) {
        service.hangUp(caller.get(), InvalidIdException.check("callId", callId), endedBy(body));
        return Response.accepted().build();
    }

    @GET
    @Path("{callId}")
    @Operation(summary = "A call with its participants and the monitor legs the caller may see (B07)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the call id is malformed")
    @APIResponse(responseCode = "403", description = "`call-details-not-permitted`: the role sees no calls (B07)")
    @APIResponse(responseCode = "404", description = "`call-not-found`: no such call in the caller's tenant")
    public CallBody get(@PathParam("callId") String callId) {
        CallService.CallView view = service.view(caller.get(), InvalidIdException.check("callId", callId));
        return CallBody.of(view.call(), view.legs());
    }

    @GET
    @Operation(summary = "Calls the caller may see, newest first, optionally by state (ACTIVE, ENDED)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-call`: state, page or size has the wrong form")
    @APIResponse(responseCode = "403", description = "`call-details-not-permitted`: the role sees no calls (B07)")
    public PageOf<CallSummary> list(@QueryParam("state") String state,
                                    @QueryParam("page") @DefaultValue("0") String page,
                                    @QueryParam("size") @DefaultValue("50") String size) {
        PageRequest paging = PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidCallException::new);
        PageOf<CallEntity> found = service.list(caller.get(), state(state), paging.page(), paging.size());
        return new PageOf<>(found.items().stream().map(CallSummary::of).toList(), paging.page(), paging.size(),
                found.total());
    }

    private static EndedBy endedBy(HangUp body) {
        String by = body == null ? null : body.by();
        if ("AGENT".equalsIgnoreCase(by) || "CUSTOMER".equalsIgnoreCase(by)) {
            return EndedBy.valueOf(by.toUpperCase(Locale.ROOT));
        }
        throw new InvalidCallException("'by' is AGENT or CUSTOMER");
    }

    private static CallState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return CallState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCallException("state is ACTIVE or ENDED");
        }
    }
}
