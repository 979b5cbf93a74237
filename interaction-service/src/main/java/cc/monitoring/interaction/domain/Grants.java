package cc.monitoring.interaction.domain;

import java.util.Collection;
import java.util.Set;

/**
 * What a user may do here, from their effective permissions as permission-service last published
 * them (never from the token). A user this service has not heard of holds nothing.
 */
public record Grants(Set<String> permissions, long revision) {

    public static final String MANAGE_USERS = "MANAGE_USERS";
    public static final String MONITOR_ALL_CALLS = "MONITOR_ALL_CALLS";
    public static final String HANDLE_CONVERSATIONS = "HANDLE_CONVERSATIONS";

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

    /** Monitors and administrators read the interactions of their tenant. */
    public void requireInteractionReading() {
        if (!permissions.contains(MONITOR_ALL_CALLS) && !permissions.contains(MANAGE_USERS)) {
            throw new NotPermittedException("Reading interactions needs the " + MONITOR_ALL_CALLS + " or "
                    + MANAGE_USERS + " permission");
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

    /**
     * Whether a published state with {@code incoming} revision replaces the one kept with {@code stored}
     * (null: none kept). Older and repeated revisions are ignored.
     */
    public static boolean supersedes(long incoming, Long stored) {
        return stored == null || incoming > stored;
    }
}
