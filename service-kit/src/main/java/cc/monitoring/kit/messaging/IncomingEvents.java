package cc.monitoring.kit.messaging;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventJson.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a batch of Kafka records to a service's state: one transaction for the whole batch (fast),
 * each event at most once per consumer (its id in {@code consumed_event}, rejected by the primary key
 * when seen before). A record that is not a readable event, or that its handler refuses, goes to the
 * dead-letter topic and never stops the consumer: on a failing batch the records are applied one by
 * one, so only the bad one is parked.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);
    private static final long[] BATCH_RETRY_MILLIS = {100, 1_000};

    private final EntityManager em;
    private final DeadLetters deadLetters;

    public IncomingEvents(EntityManager em, DeadLetters deadLetters) {
        this.em = em;
        this.deadLetters = deadLetters;
    }

    public void process(String consumer, Iterable<ConsumerRecord<String, String>> records, EventHandler handler) {
        List<Parsed> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                batch.add(new Parsed(record, EventJson.read(record.value())));
            } catch (MalformedEventException e) {
                deadLetters.park(record, consumer, e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(p -> applyOnce(consumer, p.event(), handler)));
                return;
            } catch (RuntimeException e) {
                if (isPoison(e) || attempt >= BATCH_RETRY_MILLIS.length) {
                    break;
                }
                LOG.debugf("batch of %d failed (%s), retrying", batch.size(), e.getMessage());
                pause(BATCH_RETRY_MILLIS[attempt]);
            }
        }
        for (Parsed parsed : batch) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, parsed.event(), handler));
            } catch (RuntimeException e) {
                deadLetters.park(parsed.record(), consumer, rootMessage(e));
            }
        }
    }

    /** Records the event id and applies the event, unless this consumer applied it before. */
    private void applyOnce(String consumer, CloudEvent event, EventHandler handler) {
        int first = em.createNativeQuery("""
                        insert into consumed_event (event_id, consumer) values (?1, ?2)
                        on conflict (event_id, consumer) do nothing""")
                .setParameter(1, event.id())
                .setParameter(2, consumer)
                .executeUpdate();
        if (first == 1) {
            handler.handle(event);
        }
    }

    private static boolean isPoison(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof IllegalArgumentException
                    || cause instanceof cc.monitoring.kit.problem.DomainException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Parsed(ConsumerRecord<String, String> record, CloudEvent event) {
    }
}
