package cc.monitoring.monitor.service;

import cc.monitoring.kit.identity.Caller;
import cc.monitoring.monitor.domain.AuditNotPermittedException;
import cc.monitoring.monitor.domain.Permissions;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.AuditRepository;
import cc.monitoring.monitor.persistence.AuditRepository.AuditFilter;
import cc.monitoring.monitor.persistence.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** B40: users with VIEW_AUDIT list the tenant's audit trail. */
@ApplicationScoped
@Transactional
public class AuditQueries {

    private final Directory directory;
    private final AuditRepository audit;

    public AuditQueries(Directory directory, AuditRepository audit) {
        this.directory = directory;
        this.audit = audit;
    }

    public List<AuditRecordEntity> search(Caller caller, AuditFilter filter, int page, int size) {
        if (!directory.supervisor(caller).may(Permissions.VIEW_AUDIT)) {
            throw new AuditNotPermittedException();
        }
        return audit.search(caller.tenantId(), filter, page, size);
    }
}
