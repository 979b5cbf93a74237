package cc.monitoring.interaction.api;

import cc.monitoring.interaction.api.Representations.InteractionBody;
import cc.monitoring.interaction.api.Representations.MessageBody;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.Message;
import cc.monitoring.interaction.service.InteractionService;
import cc.monitoring.kit.api.PageOf;
import cc.monitoring.kit.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * Interactions of the caller's tenant: for the channel platform (all of them, with message text) and administrators
 * (only monitorable ones, B08/B03, and no message text, B34). Monitors are refused here (403
 * {@code interactions-not-permitted}): they use monitoring-service's table and transcript-service.
 */
@Path("/api/interactions")
@Tag(name = "Interactions", description = "Interactions of every channel, read by agents and the channel platform")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InteractionResource {

    private final InteractionService service;
    private final CurrentCaller caller;

    public InteractionResource(InteractionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Interactions of the tenant, newest first; filter by state (ACTIVE, ENDED), channel and agentId")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-query`: state, channel, agentId, page or size has the"
            + " wrong form")
    @APIResponse(responseCode = "403", description = "`interactions-not-permitted`: the role may not read interactions"
            + " here")
    public PageOf<InteractionBody> list(@QueryParam("state") String state, @QueryParam("channel") String channel,
                                        @QueryParam("agentId") String agentId, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        PageOf<Interaction> found = service.list(caller.get(),
                new InteractionService.Listing(state, channel, agentId, page, size));
        return new PageOf<>(found.items().stream().map(InteractionBody::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "OK")
    @Operation(summary = "One interaction with its participants")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the id is empty, too long or not printable")
    @APIResponse(responseCode = "403", description = "`interactions-not-permitted`: the role may not read interactions"
            + " here")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no such interaction in the caller's"
            + " tenant")
    public InteractionBody get(@PathParam("id") String id) {
        return InteractionBody.of(service.interaction(caller.get(), id));
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "Messages of a digital interaction after sequence 'after' (default 0), in order, at most 'limit'")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-id`: the id is malformed; `invalid-query`: after or"
            + " limit out of range")
    @APIResponse(responseCode = "403", description = "`interactions-not-permitted`: message text is read here only by"
            + " the channel platform")
    @APIResponse(responseCode = "404", description = "`interaction-not-found`: no such interaction in the caller's"
            + " tenant")
    public List<MessageBody> messages(@PathParam("id") String id, @QueryParam("after") String after,
                                      @QueryParam("limit") String limit) {
        List<Message> found = service.messages(caller.get(), id, after, limit);
        UUID interactionId = UUID.fromString(id);
        return found.stream().map(m -> MessageBody.of(interactionId, m)).toList();
    }
}
