package cc.monitoring.interaction.service;

import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import cc.monitoring.interaction.domain.Grants;
import cc.monitoring.interaction.persistence.UserPermissionEntity;
import cc.monitoring.interaction.persistence.UserPermissionRepository;
import cc.monitoring.kit.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Users' effective permissions as permission-service publishes them on {@code permission-events}: the
 * only source of what a caller may do here. Records of one user arrive in order (same key, same
 * partition); a replayed or older revision is ignored all the same.
 */
@ApplicationScoped
@Transactional
public class PermissionReadModel {

    private final UserPermissionRepository users;

    public PermissionReadModel(UserPermissionRepository users) {
        this.users = users;
    }

    /** What the caller may do; nothing if permission-service has not published them (yet). */
    public Grants of(Caller caller) {
        return users.byUser(caller.tenantId(), caller.userId())
                .map(user -> Grants.of(user.permissions, user.revision))
                .orElse(Grants.none());
    }

    public void changed(UserPermissionsChanged data) {
        UserPermissionEntity user = users.byUser(data.tenantId(), data.userId()).orElse(null);
        if (!Grants.supersedes(data.revision(), user == null ? null : user.revision)) {
            return;
        }
        if (user == null) {
            user = new UserPermissionEntity();
            user.key = new UserPermissionEntity.Key(data.tenantId(), data.userId());
        }
        user.role = data.role();
        user.permissions = data.permissions() == null ? List.of() : List.copyOf(data.permissions());
        user.revision = data.revision();
        user.updatedAt = Instant.now();
        users.persist(user);
    }

    /** A removed user holds nothing; the row goes, so a user created again later starts afresh. */
    public void removed(UserRemoved data) {
        users.byUser(data.tenantId(), data.userId())
                .filter(user -> Grants.supersedes(data.revision(), user.revision))
                .ifPresent(users::delete);
    }
}
