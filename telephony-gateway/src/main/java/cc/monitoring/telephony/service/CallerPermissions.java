package cc.monitoring.telephony.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.permissions.PermissionReadModel;
import cc.monitoring.telephony.domain.CallAccess;
import cc.monitoring.telephony.domain.SimulatorNotPermittedException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * What the caller may do here, from permission-service's {@code permission-events} (the kit's read
 * model) only: never from the token's groups or a request body.
 */
@ApplicationScoped
public class CallerPermissions {

    private final PermissionReadModel permissions;

    public CallerPermissions(PermissionReadModel permissions) {
        this.permissions = permissions;
    }

    /** Placing and hanging up calls, injecting failures: the phone simulator's machine permission (B07). */
    public void requireSimulatorOperator(Caller caller) {
        if (!CallAccess.mayOperateSimulator(of(caller))) {
            throw new SimulatorNotPermittedException();
        }
    }

    /** What the caller may see of calls and monitor legs (B07); agents are refused. */
    public CallAccess callAccess(Caller caller) {
        return CallAccess.of(caller.userId(), of(caller));
    }

    private Set<String> of(Caller caller) {
        return permissions.permissionsOf(caller.tenantId(), caller.userId()).permissions();
    }
}
