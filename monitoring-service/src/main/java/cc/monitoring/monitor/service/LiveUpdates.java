package cc.monitoring.monitor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.HashSet;
import java.util.Set;

/**
 * B51: announces, in the transaction of a change, that the monitoring table or a session changed.
 * PostgreSQL delivers the notification on commit to every instance of the service (LISTEN), which
 * pushes it to the consoles connected to it. Each (channel, payload) goes out once per transaction.
 */
@ApplicationScoped
public class LiveUpdates {

    public static final String CHANNEL = "monitoring_live";
    private static final String SENT = LiveUpdates.class.getName() + ".sent";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public LiveUpdates(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Rows of a tenant's table changed (an interaction started, ended, got a message or a monitor). */
    public void tableChanged(String tenantId) {
        notifyOnce("table|" + tenantId);
    }

    /** A session changed state or mode; its supervisor's console follows it. */
    public void sessionChanged(String tenantId, String supervisorId, String sessionId) {
        notifyOnce("session|" + tenantId + "|" + supervisorId + "|" + sessionId);
        tableChanged(tenantId);
    }

    private void notifyOnce(String payload) {
        @SuppressWarnings("unchecked")
        Set<String> sent = (Set<String>) transactions.getResource(SENT);
        if (sent == null) {
            sent = new HashSet<>();
            transactions.putResource(SENT, sent);
        }
        if (sent.add(payload)) {
            em.createNativeQuery("select pg_notify(?1, ?2)")
                    .setParameter(1, CHANNEL)
                    .setParameter(2, payload)
                    .getSingleResult();
        }
    }
}
