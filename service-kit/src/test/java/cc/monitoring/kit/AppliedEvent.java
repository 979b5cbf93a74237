package cc.monitoring.kit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Test only: a row per event a handler applied (a duplicate application would show as a second row). Also the
 * one entity of the kit's test application, so that Hibernate ORM, and the EntityManager the kit injects, is on.
 */
@Entity
@Table(name = "applied_event")
public class AppliedEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String consumer;
    @Column(name = "event_id")
    public String eventId;
    public String subject;

    public static AppliedEvent of(String consumer, String eventId, String subject) {
        AppliedEvent applied = new AppliedEvent();
        applied.consumer = consumer;
        applied.eventId = eventId;
        applied.subject = subject;
        return applied;
    }

    public static long countOf(String consumer, String eventId) {
        return count("consumer = ?1 and eventId = ?2", consumer, eventId);
    }
}
