package cc.monitoring.monitor.domain;

public final class AuditNotPermittedException extends MonitoringRefusedException {
    public static final String TYPE = "audit-not-permitted";

    public AuditNotPermittedException() {
        super(Kind.FORBIDDEN, TYPE, "Audit not permitted", "Reading the audit trail needs VIEW_AUDIT");
    }
}
