package cc.monitoring.permission.messaging.out;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.kit.outbox.OutboxWriter;
import cc.monitoring.permission.persistence.RoleRepository;
import cc.monitoring.permission.persistence.UserEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces users' effective state on {@code permission-events}, through the outbox. */
@ApplicationScoped
public class PermissionEventsPublisher {

    static final String SOURCE = "/permission-service";

    private final OutboxWriter outbox;

    public PermissionEventsPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void userChanged(UserEntity user) {
        UserPermissionsChanged data = new UserPermissionsChanged(
                user.key.tenantId(), user.key.subject(), user.displayName, user.role.name,
                RoleRepository.names(RoleRepository.toDomain(user.role).permissions()),
                user.extensions.stream().map(e -> new ExtensionData(e.label(), e.kind(), e.address())).toList(),
                user.revision);
        publish(EventTypes.USER_PERMISSIONS_CHANGED, user.key.tenantId(), user.key.subject(), data);
    }

    public void userRemoved(String tenantId, String subject, long revision) {
        publish(EventTypes.USER_REMOVED, tenantId, subject, new UserRemoved(tenantId, subject, revision));
    }

    private void publish(String type, String tenantId, String subject, Object data) {
        outbox.append(Topics.PERMISSION_EVENTS, Topics.userKey(tenantId, subject),
                CloudEvent.of(type, SOURCE, tenantId, subject, data));
    }
}
