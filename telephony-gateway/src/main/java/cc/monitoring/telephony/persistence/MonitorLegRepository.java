package cc.monitoring.telephony.persistence;

import cc.monitoring.telephony.domain.LegState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Monitor legs, one per monitoring session. */
@ApplicationScoped
public class MonitorLegRepository implements PanacheRepositoryBase<MonitorLegEntity, UUID> {

    public Optional<MonitorLegEntity> ofSession(String tenantId, String sessionId) {
        return find("tenantId = ?1 and sessionId = ?2", tenantId, sessionId).firstResultOptional();
    }

    public Optional<MonitorLegEntity> forUpdate(UUID legId) {
        return findByIdOptional(legId, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<MonitorLegEntity> ofCall(String tenantId, String callId) {
        return list("tenantId = ?1 and callId = ?2 order by createdAt, legId", tenantId, callId);
    }

    public List<MonitorLegEntity> openOfCallForUpdate(String tenantId, String callId) {
        return find("tenantId = ?1 and callId = ?2 and state in ?3 order by createdAt, legId", tenantId, callId,
                List.of(LegState.RINGING, LegState.CONNECTED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Records a new leg for a session, unless the session has one already (a repeated dial): the
     * unique (tenant, session) constraint decides, not a check before. Returns whether it was new.
     */
    public boolean insertIfNewSession(MonitorLegEntity leg) {
        int inserted = getEntityManager().createNativeQuery("""
                        insert into monitor_leg (leg_id, tenant_id, call_id, session_id, extension_kind,
                                                 extension_address, state, mode, reason, supervisor_id,
                                                 created_at, updated_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as varchar), ?6, ?7, cast(?8 as varchar),
                                cast(?9 as varchar), cast(?10 as varchar), now(), now())
                        on conflict (tenant_id, session_id) do nothing""")
                .setParameter(1, leg.legId)
                .setParameter(2, leg.tenantId)
                .setParameter(3, leg.callId)
                .setParameter(4, leg.sessionId)
                .setParameter(5, leg.extensionKind)
                .setParameter(6, leg.extensionAddress)
                .setParameter(7, leg.state.name())
                .setParameter(8, leg.mode == null ? null : leg.mode.name())
                .setParameter(9, leg.reason)
                .setParameter(10, leg.supervisorId)
                .executeUpdate();
        return inserted == 1;
    }
}
