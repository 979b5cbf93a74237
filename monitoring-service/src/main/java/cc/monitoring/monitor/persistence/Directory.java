package cc.monitoring.monitor.persistence;

import cc.monitoring.kit.identity.Caller;
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

    public Directory(EntityManager em) {
        this.em = em;
    }

    public Supervisor supervisor(Caller caller) {
        UserAccessEntity.UserKey key = new UserAccessEntity.UserKey(caller.tenantId(), caller.userId());
        AgentPresenceEntity presence = em.find(AgentPresenceEntity.class, key);
        boolean loggedIn = presence != null && presence.loggedIn;
        UserAccessEntity access = em.find(UserAccessEntity.class, key);
        if (access == null || access.removed) {
            return Supervisor.unknown(caller.tenantId(), caller.userId(), caller.displayName(), loggedIn);
        }
        List<Extension> extensions = access.extensions.stream()
                .map(e -> new Extension(e.label(), e.kind(), e.address())).toList();
        String name = Bounded.text(access.displayName != null ? access.displayName : caller.displayName(), 200);
        return new Supervisor(caller.tenantId(), caller.userId(), name, new HashSet<>(access.permissions), extensions,
                loggedIn);
    }
}
