package cc.monitoring.permission.api;

import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.permission.api.Representations.NewRole;
import cc.monitoring.permission.api.Representations.RoleBody;
import cc.monitoring.permission.api.Representations.RolePermissions;
import cc.monitoring.permission.domain.InvalidRoleException;
import cc.monitoring.permission.service.PermissionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Administrators manage the roles of their tenant. */
@Path("/api/roles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoleResource {

    private final PermissionService service;
    private final CurrentCaller caller;

    public RoleResource(PermissionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Built-in and custom roles of the tenant")
    public List<RoleBody> list() {
        return service.listRoles(caller.get()).stream().map(RoleBody::of).toList();
    }

    @GET
    @Path("{id}")
    public RoleBody get(@PathParam("id") String id) {
        return RoleBody.of(service.role(caller.get(), Ids.uuid(id)));
    }

    @POST
    @Operation(summary = "Define a custom role with any set of permissions")
    public Response create(NewRole body, UriInfo uri) {
        if (body == null) {
            throw new InvalidRoleException("A role needs a name and a list of permissions");
        }
        RoleBody created = RoleBody.of(service.createRole(caller.get(), body.name(), body.permissions()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a custom role's permissions; every user holding it is republished")
    public RoleBody update(@PathParam("id") String id, RolePermissions body) {
        if (body == null || body.permissions() == null) {
            throw new InvalidRoleException("Send the role's permissions as {\"permissions\": [...]}");
        }
        return RoleBody.of(service.updateRole(caller.get(), Ids.uuid(id), body.permissions()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.deleteRole(caller.get(), Ids.uuid(id));
        return Response.noContent().build();
    }
}
