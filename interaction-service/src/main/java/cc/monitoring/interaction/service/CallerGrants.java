package cc.monitoring.interaction.service;

import cc.monitoring.interaction.domain.Grants;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.permissions.PermissionReadModel;
import cc.monitoring.kit.permissions.UserPermissions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the caller may do here, from users' effective permissions as permission-service publishes them on
 * {@code permission-events} (the kit's {@link PermissionReadModel}): never from the token's groups or a body.
 */
@ApplicationScoped
public class CallerGrants {

    private final PermissionReadModel permissions;

    public CallerGrants(PermissionReadModel permissions) {
        this.permissions = permissions;
    }

    /** What the caller may do; nothing if permission-service has not published them (yet), or removed them. */
    public Grants of(Caller caller) {
        UserPermissions user = permissions.permissionsOf(caller.tenantId(), caller.userId());
        return Grants.of(user.permissions(), user.revision());
    }
}
