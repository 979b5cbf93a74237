package cc.monitoring.permission.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A role of a tenant: built in or defined by its administrator. */
public record Role(String name, boolean builtIn, Set<Permission> permissions) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,59}");

    public Role {
        permissions = Collections.unmodifiableSet(permissions.isEmpty()
                ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions));
    }

    public static Role builtIn(BuiltInRole role) {
        return new Role(role.name(), true, role.permissions());
    }

    /**
     * A new custom role, checked against the rules: a readable name of at most 60 characters that
     * is not the name of a built-in role.
     */
    public static Role custom(String name, Set<Permission> permissions) {
        String trimmed = name == null ? "" : name.trim();
        if (!NAME.matcher(trimmed).matches()) {
            throw new InvalidRoleException("A role name has 1 to 60 letters, digits, spaces, '.', '_' or '-', and starts with a letter or digit");
        }
        if (BuiltInRole.named(trimmed).isPresent()) {
            throw new RoleExistsException(trimmed);
        }
        return new Role(trimmed, false, permissions);
    }

    /** The same role with other permissions; built-in roles never change. */
    public Role withPermissions(Set<Permission> newPermissions) {
        if (builtIn) {
            throw new BuiltInRoleImmutableException(name);
        }
        return new Role(name, false, newPermissions);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** Role names are unique per tenant regardless of case. */
    public static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
