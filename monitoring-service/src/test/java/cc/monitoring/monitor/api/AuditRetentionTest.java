package cc.monitoring.monitor.api;

import cc.monitoring.kit.retention.Retention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static cc.monitoring.monitor.api.World.ADMINISTRATOR;
import static org.hamcrest.Matchers.containsInAnyOrder;

/**
 * B40 with a bounded trail: audit records are kept 400 days (monitoring.audit-retention); the kit's retention job
 * deletes older ones and leaves the rest, which administrators still list. "Now" is chosen by the test.
 */
@QuarkusTest
class AuditRetentionTest {

    @Inject
    Retention retention;
    @Inject
    EntityManager em;

    private void audit(String tenant, String detail, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into audit_record (tenant_id, at, actor_id, subject_id, action, outcome, detail)
                        values (?1, ?2, 'sam', 'sam', 'START', 'ACCEPTED', ?3)""")
                .setParameter(1, tenant).setParameter(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .setParameter(3, detail).executeUpdate());
    }

    @Test
    void B40_auditRecordsOlderThanTheRetentionAreDeletedAndYoungerOnesStayListed() {
        World world = new World();
        world.user("alice", ADMINISTRATOR);
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(400));
        audit(world.tenant, "expired-1", cutoff.minus(Duration.ofDays(30)));
        audit(world.tenant, "expired-2", cutoff.minusSeconds(60));
        audit(world.tenant, "kept-1", cutoff.plus(Duration.ofDays(1)));
        audit(world.tenant, "kept-2", now.minus(Duration.ofDays(1)));

        retention.purge(now);

        world.as("alice").queryParam("from", now.minus(Duration.ofDays(800)).toString())
                .get("/api/monitoring/audit").then().statusCode(200)
                .body("items.detail", containsInAnyOrder(List.of("kept-1", "kept-2").toArray()));
    }
}
