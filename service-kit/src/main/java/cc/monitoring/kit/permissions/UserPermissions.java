package cc.monitoring.kit.permissions;

import cc.monitoring.contracts.permission.ExtensionData;
import cc.monitoring.contracts.permission.UserPermissionsChanged;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A user's effective permissions and extensions as permission-service last published them: an
 * immutable value. A user the service has never heard of, or one that was removed, holds nothing
 * ({@link #isEmpty()}).
 *
 * @param revision the revision of permission-service's record it comes from; 0 when unknown
 */
public record UserPermissions(String tenantId, String userId, String displayName, String role,
                              Set<String> permissions, List<ExtensionData> extensions, long revision) {

    public UserPermissions {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** Nothing: the user is unknown here, or was removed. */
    public static UserPermissions none(String tenantId, String userId) {
        return new UserPermissions(tenantId, userId, null, null, Set.of(), List.of(), 0);
    }

    /** The state a permission-events record announces. */
    public static UserPermissions of(UserPermissionsChanged changed) {
        return new UserPermissions(changed.tenantId(), changed.userId(), changed.displayName(), changed.role(),
                changed.permissions() == null ? Set.of() : Set.copyOf(changed.permissions().stream()
                        .filter(Objects::nonNull).toList()),
                changed.extensions() == null ? List.of() : changed.extensions().stream().filter(Objects::nonNull).toList(),
                changed.revision());
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    /** Holds at least one of these. */
    public boolean hasAny(String... wanted) {
        for (String permission : wanted) {
            if (permissions.contains(permission)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return permissions.isEmpty() && role == null;
    }

    /**
     * Whether a record at {@code incoming} may replace what is stored at {@code stored} (null: nothing
     * stored). Only a strictly newer revision does: a replay, or a late older record, changes nothing.
     */
    public static boolean supersedes(long incoming, Long stored) {
        return stored == null || incoming > stored;
    }
}
