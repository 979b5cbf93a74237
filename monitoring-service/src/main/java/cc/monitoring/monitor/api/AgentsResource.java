package cc.monitoring.monitor.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.monitor.api.Views.AgentPage;
import cc.monitoring.monitor.service.AgentBoard;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The agents view: the team's agents with their state and current interactions (issue 14). */
@Path("/api/monitoring/agents")
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
    @Operation(summary = "Agents on an interaction (longest first), then available agents, with their current interactions")
    public AgentPage list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size, 50);
        return AgentPage.of(board.page(caller.get(), paging.page(), paging.size()));
    }
}
