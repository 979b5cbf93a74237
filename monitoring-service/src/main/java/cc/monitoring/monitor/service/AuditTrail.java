package cc.monitoring.monitor.service;

import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.SessionEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** B40: writes the durable record of every monitoring action and every refused attempt. */
@ApplicationScoped
public class AuditTrail {

    public enum Action { START, JOIN, BARGE, MUTE, COACH, END, READ }

    /** An accepted change of {@code session}, in the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(Action action, Session session, String detail) {
        write(session.tenantId(), session.supervisorId(), session.supervisorName(), action, "ACCEPTED",
                session.interactionId(), session.id(), detail);
    }

    /** A refused attempt: written in its own transaction, since the attempt's transaction rolls back. */
    public void refused(String tenantId, String actorId, String actorName, Action action, String interactionId,
                        String sessionId, String reasonType) {
        QuarkusTransaction.requiringNew().run(() -> {
            String about = interactionId;
            if (about == null && sessionId != null) {
                SessionEntity session = SessionEntity.findById(sessionId);
                about = session != null && session.tenantId.equals(tenantId) ? session.interactionId : null;
            }
            write(tenantId, actorId, actorName, action, "REFUSED", about, sessionId, reasonType);
        });
    }

    private static void write(String tenantId, String actorId, String actorName, Action action, String outcome,
                              String interactionId, String sessionId, String detail) {
        AuditRecordEntity record = new AuditRecordEntity();
        record.tenantId = tenantId;
        record.at = Instant.now();
        record.actorId = actorId;
        record.actorName = actorName;
        record.action = action.name();
        record.outcome = outcome;
        record.interactionId = interactionId;
        record.sessionId = sessionId;
        record.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        record.persist();
    }
}
