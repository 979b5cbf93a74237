package cc.monitoring.monitor.domain;

import java.util.List;
import java.util.Set;

/**
 * A would-be monitor as this service knows them from events: permissions and ordered extensions
 * from permission-events, agent-desktop presence from agent-presence. A user no event told us
 * about has no permission.
 */
public record Supervisor(String tenantId, String userId, String displayName, Set<String> permissions,
                         List<Extension> extensions, boolean loggedInAsAgent) {

    public static Supervisor unknown(String tenantId, String userId, String displayName, boolean loggedInAsAgent) {
        return new Supervisor(tenantId, userId, displayName, Set.of(), List.of(), loggedInAsAgent);
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }
}
