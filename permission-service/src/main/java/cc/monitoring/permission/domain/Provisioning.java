package cc.monitoring.permission.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * The role of a user seen for the first time: the first role of the token's groups that the tenant
 * has (built in or custom), otherwise {@link BuiltInRole#fallback()}. After that the stored role
 * decides; the token's groups are never read again for that user.
 */
public final class Provisioning {

    private Provisioning() {
    }

    public static String initialRole(Collection<String> tokenGroups, Function<String, Optional<Role>> tenantRoleNamed) {
        if (tokenGroups != null) {
            for (String group : tokenGroups.stream().sorted().toList()) {
                Optional<Role> role = tenantRoleNamed.apply(group);
                if (role.isPresent()) {
                    return role.get().name();
                }
            }
        }
        return BuiltInRole.fallback().name();
    }
}
