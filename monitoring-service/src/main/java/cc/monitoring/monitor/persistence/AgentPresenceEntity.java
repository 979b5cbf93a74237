package cc.monitoring.monitor.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** Read model of agent-desktop logins (agent-presence). */
@Entity
@Table(name = "agent_presence")
public class AgentPresenceEntity extends PanacheEntityBase {

    @EmbeddedId
    public UserKey key;
    @Column(name = "logged_in")
    public boolean loggedIn;
    public long revision;
    @Column(name = "changed_at")
    public Instant changedAt;

    @Embeddable
    public record UserKey(@Column(name = "tenant_id") String tenantId, @Column(name = "user_id") String userId)
            implements Serializable {
    }
}
