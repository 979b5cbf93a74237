package cc.monitoring.kit.retention;

import cc.monitoring.testsupport.InfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * consumed_event retention against the real PostgreSQL: rows older than the policy (7 days) are deleted in
 * bounded batches, younger ones stay. "Now" is chosen by the test.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RetentionTest {

    @Inject
    Retention retention;
    @Inject
    EntityManager em;

    private void consumed(String consumer, String eventId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into consumed_event (event_id, consumer, consumed_at) values (?1, ?2, ?3)")
                .setParameter(1, eventId).setParameter(2, consumer)
                .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> remaining(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select event_id from consumed_event where consumer = ?1 order by event_id")
                .setParameter(1, consumer).getResultList());
    }

    @Test
    void consumedEventIdsOlderThanTheRetentionAreDeletedInBatchesAndYoungerOnesStay() {
        String consumer = "retention-" + UUID.randomUUID();
        // far in the future, so that rows of the other tests are younger than the cutoff too
        Instant now = Instant.parse("2100-01-01T00:00:00Z");
        Instant cutoff = now.minus(Duration.ofDays(7));
        // more than two batches (kit.retention.batch-size=3 in the test configuration) of expired rows
        IntStream.range(0, 7).forEach(i -> consumed(consumer, "old-" + i, cutoff.minusSeconds(1 + i)));
        consumed(consumer, "young-1", cutoff.plusSeconds(1));
        consumed(consumer, "young-2", now.minusSeconds(5));

        int deleted = retention.purge(now).get("consumed_event");

        assertTrue(deleted >= 7, "the seven expired rows at least: " + deleted);
        assertEquals(List.of("young-1", "young-2"), remaining(consumer));
        assertEquals(0, retention.purge(now).get("consumed_event"), "nothing left to delete");
    }
}
