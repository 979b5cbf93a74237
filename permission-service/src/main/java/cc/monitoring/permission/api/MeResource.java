package cc.monitoring.permission.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.permission.service.PermissionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Any signed-in user reads their own effective permissions and ordered extensions. */
@Path("/api/me")
@Tag(name = "Caller", description = "The caller's own role, permissions and extensions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final PermissionService service;
    private final CurrentCaller caller;

    public MeResource(PermissionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's role, effective permissions and extensions in their configured order")
    public Representations.Me me() {
        return Representations.Me.of(service.me(caller.get()));
    }
}
