package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A user's agent-desktop login state; the revision increases with every change. */
@Entity
@Table(name = "agent_session")
public class AgentSessionEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "logged_in", nullable = false)
    public boolean loggedIn;

    @Column(nullable = false)
    public long revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "user_id") String userId)
            implements Serializable {
    }
}
