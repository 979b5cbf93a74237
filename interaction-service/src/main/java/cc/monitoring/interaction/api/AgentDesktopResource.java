package cc.monitoring.interaction.api;

import cc.monitoring.interaction.api.Representations.SessionBody;
import cc.monitoring.interaction.service.AgentDesktopService;
import cc.monitoring.kit.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agent desktop logs its user in and out; the caller is always the user concerned. */
@Path("/api/agent-desktop/session")
@Tag(name = "Agent desktop", description = "The caller's agent-desktop login (B05)")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AgentDesktopResource {

    private final AgentDesktopService service;
    private final CurrentCaller caller;

    public AgentDesktopResource(AgentDesktopService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Whether the caller is logged into the agent desktop")
    public SessionBody get() {
        return SessionBody.of(service.current(caller.get()));
    }

    @POST
    @Operation(summary = "Log the caller into the agent desktop; publishes agent-logged-in unless already logged in")
    public SessionBody logIn() {
        return SessionBody.of(service.logIn(caller.get()));
    }

    @DELETE
    @Operation(summary = "Log the caller out of the agent desktop; publishes agent-logged-out unless already logged out")
    public SessionBody logOut() {
        return SessionBody.of(service.logOut(caller.get()));
    }
}
