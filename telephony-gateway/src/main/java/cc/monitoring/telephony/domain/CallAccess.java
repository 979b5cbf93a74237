package cc.monitoring.telephony.domain;

import cc.monitoring.kit.permissions.PermissionNames;

import java.util.Objects;
import java.util.Set;

/**
 * What a caller may see of the tenant's calls (B07: silent means silent). Plain Java, from the
 * caller's permissions as permission-service published them:
 * <ul>
 * <li>{@code VIEW_AUDIT}: every call, with every monitor leg;</li>
 * <li>{@code OPERATE_SIMULATOR}: every call, without monitor legs (the simulator drives calls, it does
 * not watch monitors);</li>
 * <li>{@code MONITOR_ALL_CALLS}: only the calls on which they have a monitor leg, with their own legs
 * only;</li>
 * <li>anyone else (agents): nothing, refused with {@link CallDetailsNotPermittedException}.</li>
 * </ul>
 * Permissions add up: a custom role with two of them sees what each allows.
 */
public record CallAccess(String userId, boolean allCalls, boolean allLegs, boolean ownLegs) {

    public CallAccess {
        Objects.requireNonNull(userId, "userId");
    }

    /** @throws CallDetailsNotPermittedException if the permissions show no call at all */
    public static CallAccess of(String userId, Set<String> permissions) {
        boolean audit = permissions.contains(PermissionNames.VIEW_AUDIT);
        boolean simulator = permissions.contains(PermissionNames.OPERATE_SIMULATOR);
        boolean monitor = permissions.contains(PermissionNames.MONITOR_ALL_CALLS);
        if (!audit && !simulator && !monitor) {
            throw new CallDetailsNotPermittedException();
        }
        return new CallAccess(userId, audit || simulator, audit, monitor);
    }

    /** Whether a monitor leg owned by {@code supervisorId} (null: no known owner) is shown. */
    public boolean showsLeg(String supervisorId) {
        return allLegs || ownLegs && userId.equals(supervisorId);
    }

    /** Whether the caller may drive the simulated network (place, hang up, inject failures). */
    public static boolean mayOperateSimulator(Set<String> permissions) {
        return permissions.contains(PermissionNames.OPERATE_SIMULATOR);
    }
}
