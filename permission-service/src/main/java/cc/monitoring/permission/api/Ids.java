package cc.monitoring.permission.api;

import cc.monitoring.permission.domain.RoleNotFoundException;

import java.util.UUID;

final class Ids {

    private Ids() {
    }

    /** A role id from a path; anything that is not a UUID names no role. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new RoleNotFoundException(id);
        }
    }
}
