package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A monitoring session as monitoring-events reported it: on which interaction, whose, and whether it has ended. */
@Entity
@Table(name = "monitor_session")
public class MonitorSessionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "interaction_id", nullable = false)
    public UUID interactionId;

    @Column(name = "supervisor_id", nullable = false)
    public String supervisorId;

    @Column(name = "ended", nullable = false)
    public boolean ended;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
