package cc.monitoring.monitor.persistence;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.monitor.domain.Interaction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read model of an interaction, kept from interaction-events. */
@Entity
@Table(name = "interaction")
public class InteractionEntity extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Id
    @Column(name = "interaction_id")
    public String interactionId;
    @Column(name = "tenant_id")
    public String tenantId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "flow_id")
    public String flowId;
    @Column(name = "flow_name")
    public String flowName;
    @Column(name = "silent_monitoring")
    public boolean silentMonitoring;
    @Column(name = "agent_id")
    public String agentId;
    @Column(name = "agent_name")
    public String agentName;
    public String customer;
    @Column(name = "call_id")
    public String callId;
    public String state;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    public boolean monitored;
    @Column(name = "last_message_seq")
    public long lastMessageSeq;
    @Column(name = "last_message_at")
    public Instant lastMessageAt;

    public boolean isActive() {
        return ACTIVE.equals(state);
    }

    public Interaction toDomain() {
        return new Interaction(tenantId, interactionId, channel, silentMonitoring, agentId, callId, isActive());
    }
}
