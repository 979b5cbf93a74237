package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.AgentPage;
import cc.monitoring.monitor.service.AgentBoard;
import io.quarkus.security.Authenticated;
import cc.monitoring.kit.api.PageRequest;
import cc.monitoring.monitor.domain.InvalidRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agents view: the team's agents with their state and current interactions (issue 14). */
@Path("/api/monitoring/agents")
@Tag(name = "Agents", description = "The agents of the tenant and what they are on")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    private final AgentBoard board;
    private final CurrentCaller caller;

    public AgentsResource(AgentBoard board, CurrentCaller caller) {
        this.board = board;
        this.caller = caller;
    }

    @GET
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-request`: page or size out of range")
    @APIResponse(responseCode = "403", description = "`monitor-not-permitted`: the role lacks MONITOR_ALL_CALLS")
    @Operation(summary = "Agents on an interaction (longest first), then available agents, with their current interactions")
    public AgentPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidRequestException::new);
        return AgentPage.of(board.page(caller.get(), paging.page(), paging.size()));
    }
}
