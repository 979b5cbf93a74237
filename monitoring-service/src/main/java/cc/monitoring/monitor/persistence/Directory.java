package cc.monitoring.monitor.persistence;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.permissions.PermissionReadModel;
import cc.monitoring.kit.permissions.UserPermissions;
import cc.monitoring.monitor.domain.Bounded;
import cc.monitoring.monitor.domain.Extension;
import cc.monitoring.monitor.domain.Supervisor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.List;

/** Who a caller is for the monitoring rules, from the read models alone (no call to another service). */
@ApplicationScoped
public class Directory {

    private final EntityManager em;
    private final PermissionReadModel permissions;

    public Directory(EntityManager em, PermissionReadModel permissions) {
        this.em = em;
        this.permissions = permissions;
    }

    public Supervisor supervisor(Caller caller) {
        AgentPresenceEntity presence = em.find(AgentPresenceEntity.class,
                new AgentPresenceEntity.UserKey(caller.tenantId(), caller.userId()));
        boolean loggedIn = presence != null && presence.loggedIn;
        UserPermissions access = permissions.permissionsOf(caller.tenantId(), caller.userId());
        if (access.isEmpty()) {
            return Supervisor.unknown(caller.tenantId(), caller.userId(), caller.displayName(), loggedIn);
        }
        List<Extension> extensions = access.extensions().stream()
                .map(e -> new Extension(e.label(), e.kind(), e.address())).toList();
        String name = Bounded.text(access.displayName() != null ? access.displayName() : caller.displayName(), 200);
        return new Supervisor(caller.tenantId(), caller.userId(), name, new HashSet<>(access.permissions()), extensions,
                loggedIn);
    }
}
