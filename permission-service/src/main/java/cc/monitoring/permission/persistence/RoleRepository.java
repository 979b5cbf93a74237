package cc.monitoring.permission.persistence;

import cc.monitoring.permission.domain.BuiltInRole;
import cc.monitoring.permission.domain.Permission;
import cc.monitoring.permission.domain.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Roles of a tenant. Every query is scoped by the tenant. */
@ApplicationScoped
public class RoleRepository implements PanacheRepositoryBase<RoleEntity, UUID> {

    /** Tenants whose built-in roles this instance has seen in the database. */
    private final Set<String> tenantsWithBuiltIns = ConcurrentHashMap.newKeySet();

    /** Creates the built-in roles of a tenant on its first use; safe under concurrent first uses. */
    public void ensureBuiltIns(String tenantId) {
        if (tenantsWithBuiltIns.contains(tenantId)) {
            return;
        }
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            getEntityManager().createNativeQuery("""
                            insert into role (id, tenant_id, name, name_key, built_in, permissions)
                            values (?1, ?2, ?3, ?4, true, cast(?5 as jsonb))
                            on conflict (tenant_id, name_key) do nothing""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, tenantId)
                    .setParameter(3, builtIn.name())
                    .setParameter(4, Role.key(builtIn.name()))
                    .setParameter(5, json(builtIn.permissions()))
                    .executeUpdate();
        }
        tenantsWithBuiltIns.add(tenantId);
    }

    /**
     * The ids of the stored copies of a built-in role, in every tenant, whose permissions are not (any more) the
     * role's definition — e.g. stored before a new permission the Administrator holds existed. The rows are
     * locked until the transaction ends, so that concurrent callers (several instances starting) upgrade each
     * row once.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> outdatedCopiesOf(BuiltInRole builtIn) {
        return getEntityManager().createNativeQuery("""
                        select id from role
                        where built_in and name_key = ?1 and permissions <> cast(?2 as jsonb)
                        order by tenant_id
                        for update""", UUID.class)
                .setParameter(1, Role.key(builtIn.name()))
                .setParameter(2, json(builtIn.permissions()))
                .getResultList();
    }

    public List<RoleEntity> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by builtIn desc, name", tenantId);
    }

    public Optional<RoleEntity> byId(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<RoleEntity> byName(String tenantId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return find("tenantId = ?1 and nameKey = ?2", tenantId, Role.key(name)).firstResultOptional();
    }

    public static Role toDomain(RoleEntity entity) {
        return new Role(entity.name, entity.builtIn, Permission.parseAll(entity.permissions));
    }

    public static List<String> names(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Enum::name).toList();
    }

    private static String json(Set<Permission> permissions) {
        return names(permissions).stream().map(p -> "\"" + p + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
