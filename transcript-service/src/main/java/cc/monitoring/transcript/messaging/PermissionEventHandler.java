package cc.monitoring.transcript.messaging;

import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.messaging.EventHandler;
import cc.monitoring.transcript.persistence.AccessRepository;
import cc.monitoring.transcript.persistence.ChangeNotifications;
import jakarta.enterprise.context.ApplicationScoped;

/** Users' effective permissions from permission-service: the newest revision wins, user-removed drops them. */
@ApplicationScoped
public class PermissionEventHandler implements EventHandler {

    private final AccessRepository access;
    private final ChangeNotifications changes;

    public PermissionEventHandler(AccessRepository access, ChangeNotifications changes) {
        this.access = access;
        this.changes = changes;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventTypes.USER_PERMISSIONS_CHANGED.equals(event.type())) {
            UserPermissionsChanged user = event.dataAs(UserPermissionsChanged.class);
            EventChecks.requireSameTenant(event, user.tenantId());
            EventChecks.require(user.userId(), "userId");
            if (access.permissionsChanged(user.tenantId(), user.userId(), user.permissions(), user.revision())) {
                changes.accessChanged(user.tenantId(), user.userId());
            }
        } else if (EventTypes.USER_REMOVED.equals(event.type())) {
            UserRemoved user = event.dataAs(UserRemoved.class);
            EventChecks.requireSameTenant(event, user.tenantId());
            EventChecks.require(user.userId(), "userId");
            if (access.removed(user.tenantId(), user.userId(), user.revision())) {
                changes.accessChanged(user.tenantId(), user.userId());
            }
        }
    }
}
