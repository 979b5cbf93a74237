package cc.monitoring.transcript.service;

import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.kit.identity.Caller;
import cc.monitoring.kit.identity.RequestOrigin;
import cc.monitoring.kit.problem.DomainException;
import cc.monitoring.transcript.messaging.out.TranscriptEventsPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * B41: a refused read of a transcript is announced for the audit trail (monitoring-service keeps it), with
 * who asked, for what, the refusal and where the request came from. Runs in a transaction of its own: the
 * read's transaction is rolled back by the refusal.
 */
@ApplicationScoped
public class ReadRefusals {

    private final TranscriptEventsPublisher events;
    private final RequestOrigin origin;

    public ReadRefusals(TranscriptEventsPublisher events, RequestOrigin origin) {
        this.events = events;
        this.origin = origin;
    }

    /** Runs {@code read}; a refusal is recorded and rethrown. */
    public <T> T recorded(Caller caller, String interactionId, Supplier<T> read) {
        try {
            return read.get();
        } catch (DomainException refused) {
            if (refused.kind() == DomainException.Kind.FORBIDDEN || refused.kind() == DomainException.Kind.NOT_FOUND) {
                RequestOrigin.Origin from = origin.get();
                TranscriptAccessRefused refusal = new TranscriptAccessRefused(caller.tenantId(),
                        RequestOrigin.cut(interactionId, 64), caller.userId(), refused.type(), from.clientAddress(),
                        from.userAgent(), from.requestId(), Instant.now());
                QuarkusTransaction.requiringNew().run(() -> events.refused(refusal));
            }
            throw refused;
        }
    }
}
