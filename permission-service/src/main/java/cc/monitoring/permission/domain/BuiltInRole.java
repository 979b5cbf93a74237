package cc.monitoring.permission.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static cc.monitoring.permission.domain.Permission.BARGE_ALL_CALLS;
import static cc.monitoring.permission.domain.Permission.COACH_CALLS;
import static cc.monitoring.permission.domain.Permission.MONITOR_ALL_CALLS;

/**
 * The roles every tenant has from its first use on. They cannot be changed or removed. No built-in role holds a
 * {@linkplain Permission#machine() machine permission}: those are for service accounts given a custom role (B35).
 */
public enum BuiltInRole {
    /** Every permission a person may hold. */
    Administrator(EnumSet.complementOf(EnumSet.copyOf(Permission.machine()))),
    Supervisor(EnumSet.of(MONITOR_ALL_CALLS, BARGE_ALL_CALLS, COACH_CALLS)),
    Agent(EnumSet.noneOf(Permission.class));

    private final Set<Permission> permissions;

    BuiltInRole(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : permissions);
    }

    /** The role a user gets when nothing else is known about them. */
    public static BuiltInRole fallback() {
        return Agent;
    }

    /** The built-in role with this name, compared without case. */
    public static Optional<BuiltInRole> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (BuiltInRole role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
