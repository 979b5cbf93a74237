package cc.monitoring.permission.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * At start-up, after the schema migrations: built-in roles stored by an earlier version get exactly their current
 * permissions — added ones (an Administrator without a permission added since) and removed ones (an Administrator
 * still holding the machine permission {@code HANDLE_CONVERSATIONS}, B35) — and their holders are republished on
 * {@code permission-events}. Without it, a tenant's administrators would keep what a built-in role no longer grants,
 * because built-in roles are stored once per tenant and cannot be edited.
 */
@ApplicationScoped
public class BuiltInRoleUpgrade {

    private static final Logger LOG = Logger.getLogger(BuiltInRoleUpgrade.class);

    private final PermissionService service;

    public BuiltInRoleUpgrade(PermissionService service) {
        this.service = service;
    }

    void onStart(@Observes StartupEvent ignored) {
        int upgraded = service.upgradeBuiltInRoles();
        if (upgraded > 0) {
            LOG.infof("brought %d stored built-in role(s) up to their current permissions; holders republished", upgraded);
        }
    }
}
