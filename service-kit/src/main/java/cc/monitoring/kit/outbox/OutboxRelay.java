package cc.monitoring.kit.outbox;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.kit.KitConfig;
import cc.monitoring.kit.messaging.KafkaClients;
import cc.monitoring.kit.tracing.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends the outbox to Kafka in commit order and deletes what the broker acknowledged. One relay
 * at a time per schema (a PostgreSQL advisory lock), so that several instances of a service keep
 * the per-key order. A crash between send and delete sends again: consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final KitConfig config;
    private final KafkaClients clients;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(EntityManager em, KitConfig config, KafkaClients clients) {
        this.em = em;
        this.config = config;
        this.clients = clients;
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.outbox().enabled()) {
            return;
        }
        producer = clients.producer("outbox-relay", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1));
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Something was committed to the outbox: relay it now rather than at the next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                wakeUps.tryAcquire(backoffMillis > 0 ? backoffMillis : config.outbox().pollInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running) {
                    return;
                }
                int sent;
                do {
                    sent = relayBatch();
                } while (sent == config.outbox().batchSize() && running);
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), 5_000);
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoffMillis, e.getMessage());
            }
        }
    }

    /** Sends one batch; returns how many events went out. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select seq, topic, record_key, event_id, event_type, tenant_id, payload, traceparent
                            from outbox_event order by seq limit ?1""")
                    .setParameter(1, config.outbox().batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<Long> sent = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                sent.add(((Number) row[0]).longValue());
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[6]);
                // structured-mode CloudEvents: the value is the whole envelope; no ce_* (binary-mode) headers
                record.headers().add(header("content-type", CloudEvent.CONTENT_TYPE));
                if (row[7] != null) { // the writer's trace goes on in the consumer (EventTracing)
                    record.headers().add(header(EventTracing.HEADER, row[7]));
                }
                acks.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            // exactly the rows sent: a transaction that took a lower seq may commit only now
            em.createNativeQuery("delete from outbox_event where seq in (?1)")
                    .setParameter(1, sent)
                    .executeUpdate();
            return rows.size();
        });
    }

    private static RecordHeader header(String name, Object value) {
        return new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
