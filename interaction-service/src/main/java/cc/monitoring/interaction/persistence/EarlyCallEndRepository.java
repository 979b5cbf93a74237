package cc.monitoring.interaction.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class EarlyCallEndRepository implements PanacheRepositoryBase<EarlyCallEndEntity, EarlyCallEndEntity.Key> {

    public Optional<EarlyCallEndEntity> byCall(String tenantId, String callId) {
        return findByIdOptional(new EarlyCallEndEntity.Key(tenantId, callId));
    }
}
