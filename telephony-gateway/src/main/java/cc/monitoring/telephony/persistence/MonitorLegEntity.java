package cc.monitoring.telephony.persistence;

import cc.monitoring.contracts.telephony.LegMode;
import cc.monitoring.telephony.domain.LegState;
import cc.monitoring.telephony.domain.LegStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "monitor_leg")
public class MonitorLegEntity extends PanacheEntityBase {

    @Id
    @Column(name = "leg_id")
    public UUID legId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "call_id", nullable = false)
    public String callId;

    @Column(name = "session_id", nullable = false)
    public String sessionId;

    /** The supervisor who owns the leg (B07); null for legs dialed before owners were recorded. */
    @Column(name = "supervisor_id")
    public String supervisorId;

    @Column(name = "extension_kind")
    public String extensionKind;

    @Column(name = "extension_address", nullable = false)
    public String extensionAddress;

    @Column(name = "provider_ref")
    public String providerRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LegState state;

    @Enumerated(EnumType.STRING)
    public LegMode mode;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public LegStatus status() {
        return new LegStatus(state, mode, reason);
    }

    public void apply(LegStatus status) {
        state = status.state();
        mode = status.mode();
        reason = status.reason();
        updatedAt = Instant.now();
    }
}
