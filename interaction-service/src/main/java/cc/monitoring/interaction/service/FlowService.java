package cc.monitoring.interaction.service;

import cc.monitoring.interaction.config.InteractionConfig;
import cc.monitoring.interaction.domain.Flow;
import cc.monitoring.interaction.domain.FlowId;
import cc.monitoring.interaction.domain.FlowNotFoundException;
import cc.monitoring.interaction.persistence.FlowEntity;
import cc.monitoring.interaction.persistence.FlowRepository;
import cc.monitoring.kit.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Flows and their default settings. Everyone in the tenant reads them; only administrators (per
 * permission-events) change them. A change applies to interactions that start afterwards (B03).
 */
@ApplicationScoped
@Transactional
public class FlowService {

    private final FlowRepository flows;
    private final CallerGrants permissions;
    private final InteractionConfig config;

    public FlowService(FlowRepository flows, CallerGrants permissions, InteractionConfig config) {
        this.flows = flows;
        this.permissions = permissions;
        this.config = config;
    }

    public List<FlowEntity> list(Caller caller) {
        return flows.ofTenant(caller.tenantId());
    }

    public FlowEntity flow(Caller caller, String flowId) {
        if (!FlowId.isValid(flowId)) {
            throw new FlowNotFoundException(flowId);
        }
        return flows.byId(caller.tenantId(), flowId).orElseThrow(() -> new FlowNotFoundException(flowId));
    }

    public record Saved(FlowEntity flow, boolean created) {
    }

    /** Creates or replaces a flow's settings. */
    public Saved put(Caller caller, String flowId, String name, Boolean silentMonitoring) {
        permissions.of(caller).requireFlowAdministration();
        Flow flow = Flow.configured(flowId, name, silentMonitoring);
        FlowEntity entity = flows.byId(caller.tenantId(), flow.id()).orElse(null);
        boolean created = entity == null;
        if (created) {
            entity = new FlowEntity();
            entity.key = new FlowEntity.Key(caller.tenantId(), flow.id());
        }
        entity.name = flow.name();
        entity.silentMonitoring = flow.silentMonitoring();
        entity.updatedAt = Instant.now();
        if (created) {
            flows.persistAndFlush(entity);
        }
        return new Saved(entity, created);
    }

    /** The flow an interaction starts on, as it is now; created with the defaults if nobody configured it yet. */
    public Flow forNewInteraction(String tenantId, String flowId) {
        return FlowRepository.toDomain(flows.ensure(tenantId,
                Flow.withDefaults(flowId, config.flows().defaultSilentMonitoring())));
    }
}
