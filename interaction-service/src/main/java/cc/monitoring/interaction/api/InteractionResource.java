package cc.monitoring.interaction.api;

import cc.monitoring.interaction.api.Representations.InteractionBody;
import cc.monitoring.interaction.domain.Interaction;
import cc.monitoring.interaction.domain.InteractionFilter;
import cc.monitoring.interaction.domain.Paging;
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

/** Interactions of the caller's tenant, for monitors and administrators. */
@Path("/api/interactions")
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
    public PageOf<InteractionBody> list(@QueryParam("state") String state, @QueryParam("channel") String channel,
                                        @QueryParam("agentId") String agentId, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        PageOf<Interaction> found = service.list(caller.get(), InteractionFilter.parse(state, channel, agentId),
                Paging.parse(page, size));
        return new PageOf<>(found.items().stream().map(InteractionBody::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("{id}")
    public InteractionBody get(@PathParam("id") String id) {
        return InteractionBody.of(service.interaction(caller.get(), id));
    }
}
