package cc.monitoring.permission.api;

import cc.monitoring.kit.api.PageOf;
import cc.monitoring.kit.api.PageRequest;
import cc.monitoring.kit.identity.CurrentCaller;
import cc.monitoring.permission.api.Representations.ExtensionBody;
import cc.monitoring.permission.api.Representations.PutUser;
import cc.monitoring.permission.api.Representations.UserBody;
import cc.monitoring.permission.domain.InvalidUserException;
import cc.monitoring.permission.service.PermissionService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Administrators manage the users of their tenant: role and ordered extensions. */
@Path("/api/users")
@Tag(name = "Users", description = "Users of the tenant: role and ordered extensions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final PermissionService service;
    private final CurrentCaller caller;

    public UserResource(PermissionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Users of the tenant, by display name")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-user`: page or size out of range")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    public PageOf<UserBody> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.parse(page, size, PageRequest.Bounds.STANDARD, InvalidUserException::new);
        PageOf<cc.monitoring.permission.persistence.UserEntity> found =
                service.listUsers(caller.get(), paging.page(), paging.size());
        return new PageOf<>(found.items().stream().map(UserBody::of).toList(), paging.page(), paging.size(),
                found.total());
    }

    @GET
    @Path("{subject}")
    @APIResponse(responseCode = "200", description = "OK")
    @Operation(summary = "One user with role, effective permissions and extensions")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "404", description = "`user-not-found`: no such user in the caller's tenant")
    public UserBody get(@PathParam("subject") String subject) {
        return UserBody.of(service.user(caller.get(), subject));
    }

    @PUT
    @Path("{subject}")
    @Operation(summary = "Create or replace a user: display name, role (by name) and extensions in order")
    @APIResponse(responseCode = "201", description = "The user was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserBody.class)))
    @APIResponse(responseCode = "200", description = "The user was replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserBody.class)))
    @APIResponse(responseCode = "400", description = "`invalid-user`: subject, display name or role missing or"
            + " malformed; `unknown-role`: no role of this name; `invalid-extension`: an extension's label, kind or"
            + " address is wrong; `duplicate-extension`: an address or label is listed twice")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    public Response put(@PathParam("subject") String subject, PutUser body) {
        if (body == null) {
            throw new InvalidUserException("A user needs a role and may have a display name and extensions");
        }
        boolean created = service.putUser(caller.get(), subject, body.displayName(), body.role(),
                ExtensionBody.toDomain(body.extensions()));
        UserBody user = UserBody.of(service.user(caller.get(), subject));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(user).build();
    }

    @PUT
    @Path("{subject}/extensions")
    @Operation(summary = "Replace a user's extensions; the order sent is the order kept")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "`invalid-user`: the body is not an array; `invalid-extension`:"
            + " an extension's label, kind or address is wrong; `duplicate-extension`: an address or label is"
            + " listed twice")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "404", description = "`user-not-found`: no such user in the caller's tenant")
    public UserBody putExtensions(@PathParam("subject") String subject, List<ExtensionBody> body) {
        if (body == null) {
            throw new InvalidUserException("Send the extensions as a JSON array");
        }
        return UserBody.of(service.replaceExtensions(caller.get(), subject, ExtensionBody.toDomain(body)));
    }

    @DELETE
    @Path("{subject}")
    @Operation(summary = "Delete a user; permission-events carries the tombstone")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "`not-permitted`: this needs MANAGE_USERS (administrators)")
    @APIResponse(responseCode = "404", description = "`user-not-found`: no such user in the caller's tenant")
    public Response delete(@PathParam("subject") String subject) {
        service.deleteUser(caller.get(), subject);
        return Response.noContent().build();
    }
}
