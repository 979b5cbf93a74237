package cc.monitoring.telephony.persistence;

import cc.monitoring.telephony.domain.CallState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

/** Calls. Everything asked on behalf of a tenant is scoped by the tenant. */
@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<CallEntity, String> {

    public Optional<CallEntity> ofTenant(String tenantId, String callId) {
        return find("callId = ?1 and tenantId = ?2", callId, tenantId).firstResultOptional();
    }

    /** The call the provider names {@code providerRef}, locked for the change that follows. */
    public Optional<CallEntity> byProviderRefForUpdate(String providerRef) {
        return find("providerRef", providerRef).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<CallEntity> ofTenantForUpdate(String tenantId, String callId) {
        return find("callId = ?1 and tenantId = ?2", callId, tenantId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The tenant's calls on which {@code supervisorId} has (or had) a monitor leg (B07). */
    public PanacheQuery<CallEntity> listingWithLegOf(String tenantId, String supervisorId, CallState state, int page,
                                                     int size) {
        String ownLeg = "exists (select 1 from MonitorLegEntity l where l.tenantId = c.tenantId and l.callId = c.callId"
                + " and l.supervisorId = ?2)";
        PanacheQuery<CallEntity> query = state == null
                ? find("from CallEntity c where c.tenantId = ?1 and " + ownLeg + " order by c.startedAt desc, c.callId",
                        tenantId, supervisorId)
                : find("from CallEntity c where c.tenantId = ?1 and " + ownLeg
                        + " and c.state = ?3 order by c.startedAt desc, c.callId", tenantId, supervisorId, state);
        return query.page(Page.of(page, size));
    }

    public PanacheQuery<CallEntity> listing(String tenantId, CallState state, int page, int size) {
        PanacheQuery<CallEntity> query = state == null
                ? find("tenantId = ?1 order by startedAt desc, callId", tenantId)
                : find("tenantId = ?1 and state = ?2 order by startedAt desc, callId", tenantId, state);
        return query.page(Page.of(page, size));
    }
}
