package cc.monitoring.interaction.persistence;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.interaction.domain.InteractionState;
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
@Table(name = "interaction")
public class InteractionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "flow_id", nullable = false)
    public String flowId;

    @Column(name = "flow_name", nullable = false)
    public String flowName;

    /** The flow's toggle when the interaction started (B03); never follows the flow. */
    @Column(name = "silent_monitoring", nullable = false)
    public boolean silentMonitoring;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "agent_name", nullable = false)
    public String agentName;

    @Column(nullable = false)
    public String customer;

    @Column(name = "call_id")
    public String callId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InteractionState state;

    /** The sequence of the last message posted (digital only); allocated under a row lock. */
    @Column(name = "last_sequence", nullable = false)
    public long lastSequence;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;
}
