package cc.monitoring.kit.permissions;

import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;
import cc.monitoring.contracts.permission.UserRemoved;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users' effective permissions, kept from permission-service's {@code permission-events}
 * ({@link PermissionEventHandler}): the only source of what a caller may do in a service, never the
 * token's groups or a request body.
 * <p>
 * The service that uses it creates the table in its own schema with its own Flyway migration:
 * <pre>
 * create table user_permission (
 *     tenant_id    varchar(100) not null,
 *     user_id      varchar(255) not null,
 *     display_name text,
 *     role         text,
 *     permissions  jsonb        not null,  -- ["MONITOR_ALL_CALLS", ...]
 *     extensions   jsonb        not null,  -- [{"label","kind","address"}, ...]
 *     revision     bigint       not null,
 *     removed      boolean      not null default false,
 *     updated_at   timestamptz  not null default now(),
 *     primary key (tenant_id, user_id)
 * );
 * </pre>
 * and wires a Kafka channel to the handler (see {@link PermissionEventHandler}).
 * <p>
 * Revision-guarded: a record replaces the stored one only if its revision is newer (the upsert's own
 * {@code where}, so it holds with several instances). A removal keeps a tombstone row
 * ({@code removed = true}, its revision), so a late older record cannot bring the user back. Every
 * stored change fires {@link PermissionsChanged} in the same transaction.
 */
@ApplicationScoped
@Transactional
public class PermissionReadModel {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<List<ExtensionData>> EXTENSIONS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final Event<PermissionsChanged> changes;

    public PermissionReadModel(EntityManager em, Event<PermissionsChanged> changes) {
        this.em = em;
        this.changes = changes;
    }

    /** What the user holds now; {@link UserPermissions#none} if unknown here or removed. */
    public UserPermissions permissionsOf(String tenantId, String userId) {
        return stored(tenantId, userId, false).filter(s -> !s.removed()).map(Stored::permissions)
                .orElseGet(() -> UserPermissions.none(tenantId, userId));
    }

    /** Stores a user's new effective state if it is newer than what is stored; returns whether it was. */
    public boolean changed(UserPermissionsChanged data) {
        UserPermissions after = UserPermissions.of(data);
        return store(after, false);
    }

    /** Removes the user (keeping a tombstone at the removal's revision); returns whether it was newer. */
    public boolean removed(UserRemoved data) {
        UserPermissions tombstone = new UserPermissions(data.tenantId(), data.userId(), null, null, Set.of(), List.of(),
                data.revision());
        return store(tombstone, true);
    }

    private boolean store(UserPermissions next, boolean removed) {
        Optional<Stored> before = stored(next.tenantId(), next.userId(), true);
        if (!UserPermissions.supersedes(next.revision(), before.map(s -> s.permissions().revision()).orElse(null))) {
            return false;
        }
        int written = em.createNativeQuery("""
                        insert into user_permission (tenant_id, user_id, display_name, role, permissions, extensions,
                                                     revision, removed, updated_at)
                        values (?1, ?2, cast(?3 as text), cast(?4 as text), cast(?5 as jsonb), cast(?6 as jsonb),
                                ?7, ?8, now())
                        on conflict (tenant_id, user_id) do update
                            set display_name = excluded.display_name, role = excluded.role,
                                permissions = excluded.permissions, extensions = excluded.extensions,
                                revision = excluded.revision, removed = excluded.removed, updated_at = now()
                            where user_permission.revision < excluded.revision""")
                .setParameter(1, next.tenantId())
                .setParameter(2, next.userId())
                .setParameter(3, next.displayName())
                .setParameter(4, next.role())
                .setParameter(5, json(next.permissions().stream().sorted().toList()))
                .setParameter(6, json(next.extensions()))
                .setParameter(7, next.revision())
                .setParameter(8, removed)
                .executeUpdate();
        if (written == 0) {
            return false;
        }
        UserPermissions previous = before.filter(s -> !s.removed()).map(Stored::permissions)
                .orElseGet(() -> UserPermissions.none(next.tenantId(), next.userId()));
        UserPermissions now = removed ? UserPermissions.none(next.tenantId(), next.userId()) : next;
        changes.fire(new PermissionsChanged(previous, now, removed));
        return true;
    }

    private Optional<Stored> stored(String tenantId, String userId, boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select display_name, role, permissions::text, extensions::text, revision, removed
                        from user_permission where tenant_id = ?1 and user_id = ?2""" + (forUpdate ? " for update" : ""))
                .setParameter(1, tenantId)
                .setParameter(2, userId)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UserPermissions permissions = new UserPermissions(tenantId, userId, (String) row[0], (String) row[1],
                Set.copyOf(read((String) row[2], NAMES)), read((String) row[3], EXTENSIONS),
                ((Number) row[4]).longValue());
        return Optional.of(new Stored(permissions, Boolean.TRUE.equals(row[5])));
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value, e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable user_permission column: " + e.getMessage(), e);
        }
    }

    private record Stored(UserPermissions permissions, boolean removed) {
    }
}
