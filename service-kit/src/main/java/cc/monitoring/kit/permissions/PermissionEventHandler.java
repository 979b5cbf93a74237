package cc.monitoring.kit.permissions;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventChecks;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies {@code permission-events} ({@code user-permissions-changed}, {@code user-removed}) to the
 * {@link PermissionReadModel}; other types are ignored. A service wires its own Kafka channel to it:
 * <pre>
 * &#64;Incoming(Topics.PERMISSION_EVENTS) &#64;Blocking
 * public void permissionEvents(ConsumerRecords&lt;String, String&gt; records) {
 *     incoming.process("my-service." + Topics.PERMISSION_EVENTS, records, permissionEventHandler);
 * }
 * </pre>
 * with {@code mp.messaging.incoming.permission-events.*} (topic, {@code batch=true}, its group id,
 * {@code auto.offset.reset=earliest}, String deserializers) in its application.properties.
 */
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
