package cc.monitoring.transcript.domain;

/**
 * Who may read a transcript (B30, B34, B06, B08): a user with an ACTIVE monitoring session on the
 * interaction in their own tenant, or a reviewer of the ended transcript until the review expires, and nobody else — no role reads transcripts outside a session, so every
 * read by a person happens inside a session that monitoring-service audited (and an interaction on a flow
 * with Silent Monitoring off, which can never have a session, is never readable). Another tenant's
 * interaction and an unknown one look the same: not found.
 *
 * @param transcriptTenant the tenant of the stored transcript; null if nothing is stored for the interaction
 * @param activeSession    the viewer holds an ACTIVE session on it in their own tenant
 * @param reviewing        the transcript has ended and the viewer holds an unexpired review grant of monitoring-service
 *                         for it (B34: an administrator's explicit, audited review of an ended, monitored interaction)
 */
public record ReadAccess(String viewerTenant, String transcriptTenant, boolean activeSession, boolean reviewing) {

    public ReadAccess(String viewerTenant, String transcriptTenant, boolean activeSession) {
        this(viewerTenant, transcriptTenant, activeSession, false);
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
        return visible() && (activeSession || (reviewing && transcriptTenant != null));
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
