package cc.monitoring.kit.messaging;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventJson.MalformedEventException;
import cc.monitoring.kit.metrics.EventMeters;
import cc.monitoring.kit.problem.DomainException;
import cc.monitoring.kit.tracing.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a batch of Kafka records to a service's state: one transaction for the whole batch (fast),
 * each event at most once per consumer (its id in {@code consumed_event}, rejected by the primary key
 * when seen before; the ids of a batch are recorded in one statement).
 * <ul>
 * <li>A record that is not a readable event (not a CloudEvents {@code 1.0} JSON envelope with data: see
 * {@link EventJson#read}), or that its handler refuses as bad data, goes to the dead-letter topic and never
 * stops the consumer: on a failing batch the events are applied one by one, so only the bad one is parked.
 * A type of the previous release reaches the handler under its current name ({@code EventTypes.canonical}).</li>
 * <li>A failure of the infrastructure (database unreachable, deadlock, shutting down) is not the
 * record's fault: it is retried with back-off; if it lasts, or the service is stopping, the batch
 * is not acknowledged, so it is consumed again later. Nothing is parked for it.</li>
 * </ul>
 * Each event is applied in a child span of the trace its record's {@code traceparent} header names
 * ({@link EventTracing}); what was applied and what was parked is counted per consumer and topic
 * ({@link EventMeters}), once committed.
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

    private final EntityManager em;
    private final DeadLetters deadLetters;
    private final EventTracing tracing;
    private final EventMeters meters;
    private volatile boolean stopping;

    public IncomingEvents(EntityManager em, DeadLetters deadLetters, EventTracing tracing, EventMeters meters) {
        this.em = em;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.meters = meters;
    }

    void stopping(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    public void process(String consumer, Iterable<? extends ConsumerRecord<?, ?>> records, EventHandler handler) {
        List<Parsed> batch = new ArrayList<>();
        for (ConsumerRecord<?, ?> record : records) {
            Object value = record.value();
            try {
                batch.add(new Parsed(record, EventJson.read(value == null ? null : value.toString())));
            } catch (MalformedEventException e) {
                deadLetters.park(record, consumer, e.getMessage());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        if (applyWithRetries(() -> applyOnce(consumer, batch, handler)).isEmpty()) {
            batch.forEach(p -> meters.consumed(consumer, p.record().topic(), 1));
            return;
        }
        for (Parsed parsed : batch) {
            applyWithRetries(() -> applyOnce(consumer, List.of(parsed), handler)).ifPresentOrElse(
                    refusal -> deadLetters.park(parsed.record(), consumer, rootMessage(refusal)),
                    () -> meters.consumed(consumer, parsed.record().topic(), 1));
        }
    }

    /**
     * Runs {@code work} in a transaction, retrying infrastructure failures. Returns the refusal when
     * the work failed on bad data, empty when it was applied; throws when the infrastructure stays
     * unavailable or the service is stopping.
     */
    private Optional<Throwable> applyWithRetries(Runnable work) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long backoff = 100;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return Optional.empty();
            } catch (RuntimeException e) {
                if (isBadData(e)) {
                    return Optional.of(e);
                }
                if (stopping || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.debugf("applying events failed (%s), retrying in %d ms", e.getMessage(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /**
     * Records the event ids of the batch in one statement and applies, in order and each in a child span of
     * its record's trace, every event this consumer had not applied before (a second copy in the same batch
     * is a repeat too).
     */
    private void applyOnce(String consumer, List<Parsed> batch, EventHandler handler) {
        Set<String> fresh = firstSeen(consumer, batch);
        for (Parsed parsed : batch) {
            CloudEvent event = parsed.event();
            if (fresh.remove(event.id())) {
                tracing.consuming(traceparentOf(parsed.record()), consumer, parsed.record().topic(), event.id(),
                        event.type(), () -> {
                            handler.handle(event);
                            return null;
                        });
            }
        }
    }

    /**
     * The ids of the batch this consumer sees for the first time, now recorded: one round trip for the whole
     * batch (one per event was the largest cost of a batch, issue 13).
     */
    private Set<String> firstSeen(String consumer, List<Parsed> batch) {
        String[] ids = batch.stream().map(p -> p.event().id()).distinct().toArray(String[]::new);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into consumed_event (event_id, consumer) select unnest(?), ?
                    on conflict (event_id, consumer) do nothing returning event_id""")) {
                insert.setArray(1, connection.createArrayOf("varchar", ids));
                insert.setString(2, consumer);
                Set<String> fresh = new HashSet<>();
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getString(1));
                    }
                }
                return fresh;
            }
        });
    }

    /** The record's fault: retrying it cannot help. */
    static boolean isBadData(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof IllegalArgumentException
                    || cause instanceof DomainException || cause instanceof ClassCastException
                    || cause instanceof NullPointerException
                    || cause instanceof org.hibernate.exception.DataException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static String traceparentOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventTracing.HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private record Parsed(ConsumerRecord<?, ?> record, CloudEvent event) {
    }
}
