package cc.monitoring.permission.service;

import cc.monitoring.kit.api.PageOf;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.permission.domain.BuiltInRole;
import cc.monitoring.permission.domain.BuiltInRoleImmutableException;
import cc.monitoring.permission.domain.Extension;
import cc.monitoring.permission.domain.Extensions;
import cc.monitoring.permission.domain.NotPermittedException;
import cc.monitoring.permission.domain.Permission;
import cc.monitoring.permission.domain.Provisioning;
import cc.monitoring.permission.domain.Role;
import cc.monitoring.permission.domain.RoleExistsException;
import cc.monitoring.permission.domain.RoleInUseException;
import cc.monitoring.permission.domain.RoleNotFoundException;
import cc.monitoring.permission.domain.UnknownRoleException;
import cc.monitoring.permission.domain.UserNotFoundException;
import cc.monitoring.permission.domain.UserProfile;
import cc.monitoring.permission.messaging.out.PermissionEventsPublisher;
import cc.monitoring.permission.persistence.RoleEntity;
import cc.monitoring.permission.persistence.RoleRepository;
import cc.monitoring.permission.persistence.UserEntity;
import cc.monitoring.permission.persistence.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The use cases of permission-service. Every one is scoped to the caller's tenant; every change of
 * a user's effective state is published in the same transaction.
 */
@ApplicationScoped
@Transactional
public class PermissionService {

    private final RoleRepository roles;
    private final UserRepository users;
    private final PermissionEventsPublisher events;

    public PermissionService(RoleRepository roles, UserRepository users, PermissionEventsPublisher events) {
        this.roles = roles;
        this.users = users;
        this.events = events;
    }

    /** The caller as stored, provisioned on their first request. */
    public UserEntity me(Caller caller) {
        roles.ensureBuiltIns(caller.tenantId());
        return users.bySubject(caller.tenantId(), caller.userId()).orElseGet(() -> provision(caller));
    }

    private UserEntity provision(Caller caller) {
        String roleName = Provisioning.initialRole(caller.groups(),
                name -> roles.byName(caller.tenantId(), name).map(RoleRepository::toDomain));
        RoleEntity role = roles.byName(caller.tenantId(), roleName).orElseThrow();
        String displayName = UserProfile.checkDisplayName(truncate(caller.displayName()), caller.userId());
        boolean inserted = users.insertIfAbsent(caller.tenantId(), caller.userId(), displayName, role.id,
                users.nextRevision(caller.tenantId(), caller.userId()));
        UserEntity user = users.bySubject(caller.tenantId(), caller.userId()).orElseThrow();
        if (inserted) {
            events.userChanged(user);
        }
        return user;
    }

    // --- roles ---------------------------------------------------------------

    public List<RoleEntity> listRoles(Caller caller) {
        requireAdmin(caller);
        return roles.ofTenant(caller.tenantId());
    }

    public RoleEntity role(Caller caller, UUID id) {
        requireAdmin(caller);
        return roles.byId(caller.tenantId(), id).orElseThrow(() -> new RoleNotFoundException(id.toString()));
    }

    public RoleEntity createRole(Caller caller, String name, List<String> permissionNames) {
        requireAdmin(caller);
        Role role = Role.custom(name, Permission.parseAll(permissionNames));
        if (roles.byName(caller.tenantId(), role.name()).isPresent()) {
            throw new RoleExistsException(role.name());
        }
        RoleEntity entity = new RoleEntity();
        entity.id = UUID.randomUUID();
        entity.tenantId = caller.tenantId();
        entity.name = role.name();
        entity.nameKey = Role.key(role.name());
        entity.builtIn = false;
        entity.permissions = RoleRepository.names(role.permissions());
        roles.persistAndFlush(entity);
        return entity;
    }

    /** Changes a custom role's permissions and republishes every user holding it. */
    public RoleEntity updateRole(Caller caller, UUID id, List<String> permissionNames) {
        RoleEntity entity = role(caller, id);
        Set<Permission> permissions = Permission.parseAll(permissionNames);
        Role changed = RoleRepository.toDomain(entity).withPermissions(permissions);
        entity.permissions = RoleRepository.names(changed.permissions());
        for (UserEntity holder : users.holding(caller.tenantId(), entity.id)) {
            touch(holder);
            events.userChanged(holder);
        }
        return entity;
    }

    /**
     * Brings the stored built-in roles of every tenant up to their definition in {@link BuiltInRole} (they are
     * copied into a tenant on its first use and never change through the API) and republishes every holder of a
     * role that changed, so that the read models of the other services learn the new effective permissions.
     * Returns how many stored roles changed; nothing when all are up to date.
     */
    public int upgradeBuiltInRoles() {
        int upgraded = 0;
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            for (UUID id : roles.outdatedCopiesOf(builtIn)) {
                RoleEntity entity = roles.findById(id);
                entity.permissions = RoleRepository.names(builtIn.permissions());
                for (UserEntity holder : users.holding(entity.tenantId, entity.id)) {
                    touch(holder);
                    events.userChanged(holder);
                }
                upgraded++;
            }
        }
        return upgraded;
    }

    public void deleteRole(Caller caller, UUID id) {
        RoleEntity entity = role(caller, id);
        if (entity.builtIn) {
            throw new BuiltInRoleImmutableException(entity.name);
        }
        if (users.countHolding(entity.id) > 0) {
            throw new RoleInUseException(entity.name);
        }
        roles.delete(entity);
    }

    // --- users ---------------------------------------------------------------

    public PageOf<UserEntity> listUsers(Caller caller, int page, int size) {
        requireAdmin(caller);
        var query = users.ofTenant(caller.tenantId(), page, size);
        return new PageOf<>(query.list(), page, size, query.count());
    }

    public UserEntity user(Caller caller, String subject) {
        requireAdmin(caller);
        return users.bySubject(caller.tenantId(), UserProfile.checkSubject(subject))
                .orElseThrow(() -> new UserNotFoundException(subject));
    }

    /** Creates or replaces a user. Returns whether the user is new. */
    public boolean putUser(Caller caller, String subject, String displayName, String roleName, List<Extension> extensions) {
        requireAdmin(caller);
        UserProfile.checkSubject(subject);
        String name = UserProfile.checkDisplayName(displayName, subject);
        RoleEntity role = roles.byName(caller.tenantId(), roleName).orElseThrow(() -> new UnknownRoleException(roleName));
        Extensions ordered = new Extensions(extensions == null ? List.of() : extensions);
        UserEntity user = users.bySubject(caller.tenantId(), subject).orElse(null);
        boolean created = user == null;
        if (created) {
            user = new UserEntity();
            user.key = new UserEntity.Key(caller.tenantId(), subject);
        }
        user.displayName = name;
        user.role = role;
        user.extensions = stored(ordered);
        touch(user);
        if (created) {
            users.persist(user);
        }
        events.userChanged(user);
        return created;
    }

    public UserEntity replaceExtensions(Caller caller, String subject, List<Extension> extensions) {
        UserEntity user = user(caller, subject);
        user.extensions = stored(new Extensions(extensions == null ? List.of() : extensions));
        touch(user);
        events.userChanged(user);
        return user;
    }

    public void deleteUser(Caller caller, String subject) {
        UserEntity user = user(caller, subject);
        events.userRemoved(caller.tenantId(), subject, users.nextRevision(caller.tenantId(), subject));
        users.delete(user);
    }

    private void requireAdmin(Caller caller) {
        UserEntity self = me(caller);
        if (!RoleRepository.toDomain(self.role).grants(Permission.MANAGE_USERS)) {
            throw new NotPermittedException(Permission.MANAGE_USERS.name());
        }
    }

    private void touch(UserEntity user) {
        user.revision = users.nextRevision(user.key.tenantId(), user.key.subject());
        user.updatedAt = Instant.now();
    }

    private static List<UserEntity.StoredExtension> stored(Extensions extensions) {
        return extensions.inOrder().stream()
                .map(e -> new UserEntity.StoredExtension(e.label(), e.kind().name(), e.address()))
                .toList();
    }

    private static String truncate(String value) {
        return value != null && value.length() > 200 ? value.substring(0, 200) : value;
    }

}
