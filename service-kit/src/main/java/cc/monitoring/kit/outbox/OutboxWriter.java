package cc.monitoring.kit.outbox;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.kit.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Appends an event to the outbox in the caller's transaction, so that the state change and the
 * event that announces it commit together. After the commit the relay is woken up at once. The row keeps the
 * current span's W3C traceparent (null when tracing is off), which the relay sends on as a record header.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String WAKE_REGISTERED = OutboxWriter.class.getName() + ".wake";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EventTracing tracing;

    public OutboxWriter(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                        EventTracing tracing) {
        this.em = em;
        this.transactions = transactions;
        this.relay = relay;
        this.tracing = tracing;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, CloudEvent event) {
        em.createNativeQuery("""
                        insert into outbox_event (event_id, topic, record_key, event_type, tenant_id, payload, traceparent)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as varchar))""")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, event.type())
                .setParameter(5, event.tenantid())
                .setParameter(6, EventJson.write(event))
                .setParameter(7, tracing.currentTraceparent())
                .executeUpdate();
        if (transactions.getResource(WAKE_REGISTERED) == null) { // once per transaction, however many events
            transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        }
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
