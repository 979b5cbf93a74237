package cc.monitoring.monitor.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.AuditNotPermittedException;
import cc.monitoring.kit.permissions.PermissionNames;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.AuditRepository;
import cc.monitoring.monitor.persistence.AuditRepository.AuditFilter;
import cc.monitoring.monitor.persistence.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** B40/B41: users with VIEW_AUDIT list the tenant's audit trail. */
@ApplicationScoped
@Transactional
public class AuditQueries {

    private final Directory directory;
    private final AuditRepository audit;
    private final AuditTrail trail;

    public AuditQueries(Directory directory, AuditRepository audit, AuditTrail trail) {
        this.directory = directory;
        this.audit = audit;
        this.trail = trail;
    }

    /** The records; a caller without VIEW_AUDIT is refused, and the refusal is itself audited (B41). */
    public List<AuditRecordEntity> search(Caller caller, AuditFilter filter, int page, int size) {
        if (!directory.supervisor(caller).may(PermissionNames.VIEW_AUDIT)) {
            AuditNotPermittedException refusal = new AuditNotPermittedException();
            trail.refused(caller, AuditTrail.Action.READ_AUDIT, filter.interactionId(), null, refusal.type());
            throw refusal;
        }
        return audit.search(caller.tenantId(), filter, page, size);
    }
}
