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

    /**
     * A user provisioned on first sight, unless a concurrent request stored them first.
     *
     * @return whether this call inserted the user
     */
    public boolean insertIfAbsent(String tenantId, String subject, String displayName, UUID roleId, long revision) {
        return getEntityManager().createNativeQuery("""
                        insert into app_user (tenant_id, subject, display_name, role_id, extensions, revision)
                        values (?1, ?2, ?3, ?4, '[]', ?5)
                        on conflict (tenant_id, subject) do nothing""")
                .setParameter(1, tenantId)
                .setParameter(2, subject)
                .setParameter(3, displayName)
                .setParameter(4, roleId)
                .setParameter(5, revision)
                .executeUpdate() == 1;
    }

    /**
     * The subject's next revision. The counter outlives the user (table {@code user_revision}), so revisions keep
     * increasing across removal and re-creation: the other services keep a tombstone at the removal's revision,
     * and a re-created user must supersede it (else they would ignore the user for ever).
     */
    public long nextRevision(String tenantId, String subject) {
        return ((Number) getEntityManager().createNativeQuery("""
                        insert into user_revision (tenant_id, subject, revision) values (?1, ?2, 1)
                        on conflict (tenant_id, subject) do update set revision = user_revision.revision + 1
                        returning revision""")
                .setParameter(1, tenantId).setParameter(2, subject)
                .getSingleResult()).longValue();
    }
}
