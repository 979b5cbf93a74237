package cc.monitoring.transcript.domain;

import java.util.Collection;

/**
 * Who may read a transcript (B30, B06): a user with an ACTIVE monitoring session on the interaction in
 * their own tenant, or an administrator of that tenant. Another tenant's interaction and an unknown one
 * look the same: not found.
 *
 * @param transcriptTenant the tenant of the stored transcript; null if nothing is stored for the interaction
 * @param activeSession    the viewer holds an ACTIVE session on it in their own tenant
 * @param administrator    the viewer's effective permissions include {@value #MANAGE_USERS}
 */
public record ReadAccess(String viewerTenant, String transcriptTenant, boolean activeSession, boolean administrator) {

    public static final String MANAGE_USERS = "MANAGE_USERS";

    public static boolean isAdministrator(Collection<String> permissions) {
        return permissions != null && permissions.contains(MANAGE_USERS);
    }

    /** Whether the interaction exists for the viewer at all. */
    public boolean visible() {
        if (transcriptTenant == null) {
            // nothing stored yet: the viewer's own active session (same tenant by construction) tells it exists
            return activeSession;
        }
        return transcriptTenant.equals(viewerTenant);
    }

    public boolean mayRead() {
        return visible() && (activeSession || administrator);
    }

    /** Refuses unless the viewer may read: 404 if the interaction is not theirs to know of, else 403. */
    public void require(String interactionId) {
        if (!visible()) {
            throw new TranscriptNotFoundException(interactionId);
        }
        if (!mayRead()) {
            throw new TranscriptNotPermittedException();
        }
    }
}
