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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Administrators manage the roles of their tenant. */
@Path("/api/roles")
@Tag(name = "Roles", description = "Built-in and custom roles and their permissions")
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
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    public List<RoleBody> list() {
        return service.listRoles(caller.get()).stream().map(RoleBody::of).toList();
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", description = "OK")
    @Operation(summary = "One role with its permissions")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "404", description = "`role-not-found`: no such role in the caller's tenant")
    public RoleBody get(@PathParam("id") String id) {
        return RoleBody.of(service.role(caller.get(), Ids.uuid(id)));
    }

    @POST
    @Operation(summary = "Define a custom role with any set of permissions")
    @APIResponse(responseCode = "201", description = "The role; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-role`: the name is missing or has the wrong form;"
            + " `unknown-permission`: a permission that does not exist")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "409", description = "`role-exists`: a role of this name exists already")
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
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-role`: permissions missing; `unknown-permission`: a"
            + " permission that does not exist")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "404", description = "`role-not-found`: no such role in the caller's tenant")
    @APIResponse(responseCode = "409", description = "`built-in-role-immutable`: built-in roles do not change")
    public RoleBody update(@PathParam("id") String id, RolePermissions body) {
        if (body == null || body.permissions() == null) {
            throw new InvalidRoleException("Send the role's permissions as {\"permissions\": [...]}");
        }
        return RoleBody.of(service.updateRole(caller.get(), Ids.uuid(id), body.permissions()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a custom role that no user holds")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "404", description = "`role-not-found`: no such role in the caller's tenant")
    @APIResponse(responseCode = "409", description = "`built-in-role-immutable`: built-in roles stay; `role-in-use`:"
            + " users hold it, give them another role first")
    public Response delete(@PathParam("id") String id) {
        service.deleteRole(caller.get(), Ids.uuid(id));
        return Response.noContent().build();
    }
}
