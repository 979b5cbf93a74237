package cc.monitoring.monitor.service;

import cc.monitoring.kit.retention.RetentionPolicy;
import cc.monitoring.monitor.config.MonitoringConfig;
import cc.monitoring.monitor.persistence.AuditRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** B40: audit records are kept {@code monitoring.audit-retention} (400 days), then the kit's retention job deletes them. */
@ApplicationScoped
public class AuditRetention implements RetentionPolicy {

    private final AuditRepository audit;
    private final MonitoringConfig config;

    public AuditRetention(AuditRepository audit, MonitoringConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @Override
    public String name() {
        return "audit_record";
    }

    @Override
    public Duration keep() {
        return config.auditRetention();
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        return audit.deleteOlderThan(cutoff, limit);
    }
}
