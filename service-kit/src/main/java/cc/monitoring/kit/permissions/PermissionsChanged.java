package cc.monitoring.kit.permissions;

import java.util.Objects;

/**
 * CDI event fired by {@link PermissionReadModel} when a newer revision of a user's permissions was
 * stored (changed or removed), inside the transaction that stored it, so an observer's reaction (end
 * a session, publish through the outbox) commits with it. Observe it with
 * {@code void on(@Observes PermissionsChanged change)}.
 *
 * @param before what the user held until now ({@link UserPermissions#none} if unknown)
 * @param after  what the user holds from now on ({@link UserPermissions#none} when removed)
 * @param removed the user was removed from the tenant
 */
public record PermissionsChanged(UserPermissions before, UserPermissions after, boolean removed) {

    public PermissionsChanged {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The user held {@code permission} and does not any more. */
    public boolean lost(String permission) {
        return before.has(permission) && !after.has(permission);
    }

    /** The user did not hold {@code permission} and does now. */
    public boolean gained(String permission) {
        return !before.has(permission) && after.has(permission);
    }
}
