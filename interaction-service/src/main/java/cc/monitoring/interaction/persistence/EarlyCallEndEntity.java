package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A call-ended that came before its call-started, kept until the call-started arrives. */
@Entity
@Table(name = "early_call_end")
public class EarlyCallEndEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_at", nullable = false)
    public Instant endedAt;

    @Embeddable
    public record Key(@Column(name = "tenant_id") String tenantId, @Column(name = "call_id") String callId)
            implements Serializable {
    }
}
