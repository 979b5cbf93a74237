package cc.monitoring.telephony.persistence;

import cc.monitoring.telephony.domain.CallState;
import cc.monitoring.contracts.interaction.EndedBy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "phone_call")
public class CallEntity extends PanacheEntityBase {

    @Id
    @Column(name = "call_id")
    public String callId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "provider_ref", nullable = false)
    public String providerRef;

    @Column(name = "agent_leg_ref")
    public String agentLegRef;

    @Column(name = "flow_id", nullable = false)
    public String flowId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "agent_name", nullable = false)
    public String agentName;

    @Column(name = "customer_number", nullable = false)
    public String customerNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallState state;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public EndedBy endedBy;
}
