package cc.monitoring.monitor.domain;

import cc.monitoring.kit.problem.DomainException;

/** A refusal of a monitoring action; every one is also written to the audit trail (B40). */
public abstract class MonitoringRefusedException extends DomainException {
    protected MonitoringRefusedException(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }
}
