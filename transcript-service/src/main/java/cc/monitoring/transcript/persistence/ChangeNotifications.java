package cc.monitoring.transcript.persistence;

import cc.monitoring.transcript.config.TranscriptConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Tells every instance's open streams that something changed, through PostgreSQL {@code pg_notify}
 * in the caller's transaction: delivered to all listeners when (and only if) it commits.
 * Payloads: {@code t:<interactionId>} (a message stored, the interaction ended) and
 * {@code a:<tenantId>/<userId>} (what the user may read changed).
 */
@ApplicationScoped
public class ChangeNotifications {

    public static final String TRANSCRIPT = "t:";
    public static final String ACCESS = "a:";

    private final EntityManager em;
    private final String channel;

    public ChangeNotifications(EntityManager em, TranscriptConfig config) {
        this.em = em;
        this.channel = config.stream().notifyChannel();
    }

    public void transcriptChanged(String interactionId) {
        notify(TRANSCRIPT + interactionId);
    }

    public void accessChanged(String tenantId, String userId) {
        notify(ACCESS + tenantId + "/" + userId);
    }

    private void notify(String payload) {
        em.createNativeQuery("select count(*) from (select pg_notify(?1, ?2)) as sent")
                .setParameter(1, channel).setParameter(2, payload)
                .getSingleResult();
    }
}
