package cc.monitoring.contracts.permission;

import java.util.List;

/**
 * A user's full effective state after any change to it or to its role: the monitoring service keeps
 * its read model from these alone. Published on {@code permission-events}, key {@code tenantId/userId}.
 *
 * @param revision increases with every change of this user; a consumer ignores an older revision
 */
public record UserPermissionsChanged(
        String tenantId,
        String userId,
        String displayName,
        String role,
        List<String> permissions,
        List<ExtensionData> extensions,
        long revision) {
}
