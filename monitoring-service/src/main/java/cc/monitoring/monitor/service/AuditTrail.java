package cc.monitoring.monitor.service;

import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.identity.RequestOrigin;
import cc.monitoring.kit.identity.RequestOrigin.Origin;
import cc.monitoring.monitor.domain.Bounded;
import cc.monitoring.monitor.domain.Session;
import cc.monitoring.monitor.persistence.AuditRecordEntity;
import cc.monitoring.monitor.persistence.AuditRecordEntity.MAX;
import cc.monitoring.monitor.persistence.SessionEntity;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * B40/B41: writes the durable record of every monitoring action, every refused attempt (reads
 * too) and each session's first transcript read: who (a user, or the system naming the supervisor
 * concerned), what, when, the outcome, and from where. Every value is bounded to its column, so no
 * input can make an audit write fail.
 */
@ApplicationScoped
public class AuditTrail {

    public enum Action {
        START, JOIN, BARGE, MUTE, COACH, END, READ_AUDIT, READ_TABLE, READ_DETAILS, OPEN_STREAM, TRANSCRIPT_READ,
        READ_AGENTS, REVIEW_TRANSCRIPT
    }

    /** ACCEPTED: done; REQUESTED: asked of the telephony provider, not yet confirmed (B29); REFUSED: not done. */
    public enum Outcome { ACCEPTED, REQUESTED, REFUSED }

    public enum ActorKind { USER, SYSTEM }

    /** The actor of system-caused changes (B41). */
    public static final String SYSTEM_ID = "system";
    static final String SYSTEM_NAME = "Monitoring service";

    private final RequestOrigin requestOrigin;

    public AuditTrail(RequestOrigin requestOrigin) {
        this.requestOrigin = requestOrigin;
    }

    /** A change of {@code session} by its supervisor, in the transaction of the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(Action action, Session session, String detail) {
        bySupervisor(action, Outcome.ACCEPTED, session, detail);
    }

    /** A change the supervisor asked for and the telephony provider has still to carry out (B29). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(Action action, Session session, String detail) {
        bySupervisor(action, Outcome.REQUESTED, session, detail);
    }

    /** A change the system made to {@code session} on its own: the system is the actor (B41). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bySystem(Action action, Outcome outcome, Session session, String problemType, String detail) {
        write(record(session.tenantId(), ActorKind.SYSTEM, SYSTEM_ID, SYSTEM_NAME, session.supervisorId(), action, outcome,
                problemType, session.interactionId(), session.id(), detail));
    }

    /** The telephony provider refused a change of {@code session} that its supervisor asked for (B29). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refusedByProvider(Action action, Session session, String reason) {
        write(record(session.tenantId(), ActorKind.USER, session.supervisorId(), session.supervisorName(),
                session.supervisorId(), action, Outcome.REFUSED, reason, session.interactionId(), session.id(), reason));
    }

    /** An action of {@code caller} outside a session (a transcript review, B34), in the transaction of the action. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acceptedFor(Caller caller, String actorName, Action action, String interactionId, String detail) {
        write(withOrigin(record(caller.tenantId(), ActorKind.USER, caller.userId(), actorName, caller.userId(), action,
                Outcome.ACCEPTED, null, interactionId, null, detail), origin()));
    }

    /** A refused attempt: written in its own transaction, since the attempt's transaction rolls back. */
    public void refused(Caller caller, Action action, String interactionId, String sessionId, String problemType) {
        Origin origin = origin();
        QuarkusTransaction.requiringNew().run(() -> {
            String about = interactionId;
            if (about == null && sessionId != null && sessionId.length() <= MAX.ID
                    && sessionId.chars().noneMatch(Character::isISOControl)) { // only a possible id reaches a query
                SessionEntity session = SessionEntity.findById(sessionId);
                about = session != null && session.tenantId.equals(caller.tenantId()) ? session.interactionId : null;
            }
            AuditRecordEntity record = record(caller.tenantId(), ActorKind.USER, caller.userId(), caller.displayName(),
                    caller.userId(), action, Outcome.REFUSED, problemType, about, sessionId, problemType);
            write(withOrigin(record, origin));
        });
    }

    /**
     * A transcript read that transcript-service refused (B41), in the consumer's transaction: the reader is the
     * actor, the origin is the one transcript-service saw.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refusedTranscriptRead(TranscriptAccessRefused refusal) {
        AuditRecordEntity record = record(refusal.tenantId(), ActorKind.USER, refusal.userId(), null, refusal.userId(),
                Action.TRANSCRIPT_READ, Outcome.REFUSED, refusal.problemType(), refusal.interactionId(), null,
                refusal.problemType());
        if (refusal.at() != null) {
            record.at = refusal.at();
        }
        write(withOrigin(record, new Origin(refusal.clientAddress(), null, refusal.userAgent(), refusal.requestId())));
    }

    private void bySupervisor(Action action, Outcome outcome, Session session, String detail) {
        write(withOrigin(record(session.tenantId(), ActorKind.USER, session.supervisorId(), session.supervisorName(),
                session.supervisorId(), action, outcome, null, session.interactionId(), session.id(), detail), origin()));
    }

    /** The origin of the HTTP request being served, or none (events, timers). */
    private Origin origin() {
        ManagedContext requests = Arc.container().requestContext();
        return requests.isActive() ? requestOrigin.get() : Origin.system();
    }

    private static AuditRecordEntity record(String tenantId, ActorKind kind, String actorId, String actorName,
                                            String subjectId, Action action, Outcome outcome, String problemType,
                                            String interactionId, String sessionId, String detail) {
        AuditRecordEntity record = new AuditRecordEntity();
        record.tenantId = Bounded.text(tenantId, MAX.TENANT);
        record.at = Instant.now();
        record.actorKind = kind.name();
        record.actorId = Bounded.text(actorId, MAX.USER_ID);
        record.actorName = Bounded.text(actorName, MAX.NAME);
        record.subjectId = Bounded.text(subjectId, MAX.USER_ID);
        record.action = action.name();
        record.outcome = outcome.name();
        record.problemType = Bounded.text(problemType, MAX.PROBLEM_TYPE);
        record.interactionId = Bounded.text(interactionId, MAX.ID);
        record.sessionId = Bounded.text(sessionId, MAX.ID);
        record.detail = Bounded.text(detail, MAX.DETAIL);
        return record;
    }

    private static AuditRecordEntity withOrigin(AuditRecordEntity record, Origin origin) {
        record.clientAddress = Bounded.text(origin.clientAddress(), MAX.ADDRESS);
        record.peerAddress = Bounded.text(origin.peerAddress(), MAX.ADDRESS);
        record.userAgent = Bounded.text(origin.userAgent(), MAX.USER_AGENT);
        record.requestId = Bounded.text(origin.requestId(), MAX.REQUEST_ID);
        return record;
    }

    private static void write(AuditRecordEntity record) {
        record.persist();
    }
}
