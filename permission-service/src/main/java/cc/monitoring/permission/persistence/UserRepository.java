package cc.monitoring.permission.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users of a tenant. Every query is scoped by the tenant. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UserEntity.Key> {

    public Optional<UserEntity> bySubject(String tenantId, String subject) {
        return findByIdOptional(new UserEntity.Key(tenantId, subject));
    }

    public PanacheQuery<UserEntity> ofTenant(String tenantId, int page, int size) {
        return find("key.tenantId = ?1 order by displayName, key.subject", tenantId).page(Page.of(page, size));
    }

    public List<UserEntity> holding(String tenantId, UUID roleId) {
        return list("key.tenantId = ?1 and role.id = ?2", tenantId, roleId);
    }

    public long countHolding(UUID roleId) {
        return count("role.id", roleId);
    }
}
