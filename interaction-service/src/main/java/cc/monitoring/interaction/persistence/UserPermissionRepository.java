package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The permission read model. Every query is scoped by the tenant. */
@ApplicationScoped
public class UserPermissionRepository implements PanacheRepositoryBase<UserPermissionEntity, UserPermissionEntity.Key> {

    public Optional<UserPermissionEntity> byUser(String tenantId, String userId) {
        return findByIdOptional(new UserPermissionEntity.Key(tenantId, userId));
    }
}
