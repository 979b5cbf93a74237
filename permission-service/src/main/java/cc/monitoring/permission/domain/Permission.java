package cc.monitoring.permission.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a role can grant. */
public enum Permission {
    /** Silently monitor any monitorable interaction of the tenant (B01). */
    MONITOR_ALL_CALLS,
    /** Unmute while monitoring a voice call: barge in (B02). */
    BARGE_ALL_CALLS,
    /** Whisper to the agent only (B50). */
    COACH_CALLS,
    /** Manage roles and users of the tenant. */
    MANAGE_USERS,
    /** Read the monitoring audit trail (B40). */
    VIEW_AUDIT,
    /**
     * Open the transcript of an ended digital interaction that was monitored, for a limited time, as an explicit,
     * audited review (B34, B41). The built-in Administrator holds it, the Supervisor does not; custom roles may.
     */
    REVIEW_TRANSCRIPTS,
    /**
     * Deliver a channel's conversations: start them, post as customer or agent, let agents join or leave, end
     * them. A machine permission, for the channel platform's service account: no built-in role holds it, so no
     * person posts into a conversation (B30, B35).
     */
    HANDLE_CONVERSATIONS,
    /**
     * Drive the simulated phone network: place and hang up calls, inject dial failures. A machine permission, for
     * the phone simulator's service account of the local stack and tests: no built-in role holds it (B07).
     */
    OPERATE_SIMULATOR;

    /** Permissions for machine identities (service accounts) only: no built-in role holds them (B35). */
    public static Set<Permission> machine() {
        return EnumSet.of(HANDLE_CONVERSATIONS, OPERATE_SIMULATOR);
    }

    /** Whether only machine identities should hold this permission. */
    public boolean isMachine() {
        return machine().contains(this);
    }

    /**
     * Parses permission names as a client sends them.
     *
     * @throws UnknownPermissionException naming the first name that is not a permission
     */
    public static Set<Permission> parseAll(Collection<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (names == null) {
            return permissions;
        }
        for (String name : names) {
            permissions.add(parse(name));
        }
        return permissions;
    }

    public static Permission parse(String name) {
        if (name == null) {
            throw new UnknownPermissionException(null);
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnknownPermissionException(name);
        }
    }
}
