package cc.monitoring.interaction.domain;

import cc.monitoring.kit.permissions.PermissionNames;

import java.util.Collection;
import java.util.Set;

/**
 * What a user may do here, from their effective permissions as permission-service last published
 * them (never from the token). A user this service has not heard of holds nothing.
 */
public record Grants(Set<String> permissions, long revision) {

    public static final String MANAGE_USERS = PermissionNames.MANAGE_USERS;
    public static final String MONITOR_ALL_CALLS = PermissionNames.MONITOR_ALL_CALLS;
    public static final String HANDLE_CONVERSATIONS = PermissionNames.HANDLE_CONVERSATIONS;

    public Grants {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    public static Grants none() {
        return new Grants(Set.of(), 0);
    }

    public static Grants of(Collection<String> permissions, long revision) {
        return new Grants(permissions == null ? Set.of() : Set.copyOf(permissions), revision);
    }

    /** Administrators change flows' settings. */
    public void requireFlowAdministration() {
        if (!permissions.contains(MANAGE_USERS)) {
            throw new NotPermittedException("Changing a flow needs the " + MANAGE_USERS + " permission (administrators)");
        }
    }

    /**
     * Which interactions of the tenant the caller reads here (B08, B03): the channel platform all of them,
     * administrators only those on flows with Silent Monitoring on. Anyone else, monitors included, is refused:
     * monitors see interactions in monitoring-service's table and read transcripts inside a monitoring session.
     */
    public ReadScope readScope() {
        if (permissions.contains(HANDLE_CONVERSATIONS)) {
            return ReadScope.ALL;
        }
        if (permissions.contains(MANAGE_USERS)) {
            return ReadScope.MONITORABLE;
        }
        throw new InteractionsNotPermittedException("Reading interactions here needs the " + HANDLE_CONVERSATIONS
                + " (channel platform) or " + MANAGE_USERS + " (administrators) permission; monitors use "
                + "monitoring-service's interaction table");
    }

    /**
     * Message text is read here by the channel platform only (B34): people read transcripts through
     * transcript-service, inside a monitoring session, where every read is audited.
     */
    public void requireMessageReading() {
        if (!permissions.contains(HANDLE_CONVERSATIONS)) {
            throw new InteractionsNotPermittedException("Message text is read here only by the channel platform ("
                    + HANDLE_CONVERSATIONS + "); people read transcripts through transcript-service inside a "
                    + "monitoring session");
        }
    }

    /**
     * Only the channel platform's account delivers conversations: starts them, posts as customer or agent, lets
     * agents join or leave, ends them. Monitoring permissions do not count (B30).
     */
    public void requireConversationHandling() {
        if (!permissions.contains(HANDLE_CONVERSATIONS)) {
            throw new ConversationNotPermittedException();
        }
    }
}
