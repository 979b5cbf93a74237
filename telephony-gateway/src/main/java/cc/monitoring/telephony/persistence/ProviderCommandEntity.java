package cc.monitoring.telephony.persistence;

import cc.monitoring.telephony.domain.ProviderCommandKind;
import cc.monitoring.telephony.domain.ProviderCommandState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A telephony command the provider still has to carry out, or did (B29). */
@Entity
@Table(name = "provider_command")
public class ProviderCommandEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "leg_id", nullable = false)
    public UUID legId;

    @Column(name = "call_id", nullable = false)
    public String callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderCommandKind kind;

    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProviderCommandState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** The W3C traceparent of whoever asked, so that performing it stays in their trace (kit EventTracing). */
    public String traceparent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
