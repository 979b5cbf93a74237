package cc.monitoring.interaction.messaging;

import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.interaction.service.PermissionReadModel;
import cc.monitoring.kit.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the permission read model from permission-service's events. */
@ApplicationScoped
public class PermissionEventHandler implements EventHandler {

    private final PermissionReadModel permissions;

    public PermissionEventHandler(PermissionReadModel permissions) {
        this.permissions = permissions;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventTypes.USER_PERMISSIONS_CHANGED.equals(event.type())) {
            UserPermissionsChanged user = event.dataAs(UserPermissionsChanged.class);
            EventChecks.requireSameTenant(event, user.tenantId());
            EventChecks.require(user.userId(), "userId");
            permissions.changed(user);
        } else if (EventTypes.USER_REMOVED.equals(event.type())) {
            UserRemoved user = event.dataAs(UserRemoved.class);
            EventChecks.requireSameTenant(event, user.tenantId());
            EventChecks.require(user.userId(), "userId");
            permissions.removed(user);
        }
    }
}
