package cc.monitoring.interaction.persistence;

import cc.monitoring.interaction.domain.Flow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Flows of a tenant. Every query is scoped by the tenant. */
@ApplicationScoped
public class FlowRepository implements PanacheRepositoryBase<FlowEntity, FlowEntity.Key> {

    public List<FlowEntity> ofTenant(String tenantId) {
        return list("key.tenantId = ?1 order by key.flowId", tenantId);
    }

    public Optional<FlowEntity> byId(String tenantId, String flowId) {
        return findByIdOptional(new FlowEntity.Key(tenantId, flowId));
    }

    /** Creates the flow unless it exists; safe when an administrator or another call creates it at the same time. */
    public FlowEntity ensure(String tenantId, Flow defaults) {
        getEntityManager().createNativeQuery("""
                        insert into flow (tenant_id, flow_id, name, silent_monitoring)
                        values (?1, ?2, ?3, ?4)
                        on conflict (tenant_id, flow_id) do nothing""")
                .setParameter(1, tenantId)
                .setParameter(2, defaults.id())
                .setParameter(3, defaults.name())
                .setParameter(4, defaults.silentMonitoring())
                .executeUpdate();
        return byId(tenantId, defaults.id()).orElseThrow();
    }

    public static Flow toDomain(FlowEntity entity) {
        return new Flow(entity.key.flowId(), entity.name, entity.silentMonitoring);
    }
}
