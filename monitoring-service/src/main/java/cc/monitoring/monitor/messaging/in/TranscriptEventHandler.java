package cc.monitoring.monitor.messaging.in;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.transcript.TranscriptAccessRefused;
import cc.monitoring.contracts.transcript.TranscriptRead;
import cc.monitoring.kit.messaging.EventHandler;
import cc.monitoring.monitor.domain.Times;
import cc.monitoring.monitor.persistence.ReadPositionRepository;
import cc.monitoring.monitor.service.AuditTrail;
import cc.monitoring.monitor.service.LiveUpdates;
import cc.monitoring.monitor.service.SessionLifecycle;
import jakarta.enterprise.context.ApplicationScoped;

import static cc.monitoring.contracts.EventChecks.dataOf;

/**
 * Events of transcript-service: how far a user has read (B11, the first read of a session is audited,
 * B41) and refused transcript reads (B41).
 */
@ApplicationScoped
public class TranscriptEventHandler implements EventHandler {

    private final ReadPositionRepository positions;
    private final SessionLifecycle lifecycle;
    private final AuditTrail audit;
    private final LiveUpdates live;

    public TranscriptEventHandler(ReadPositionRepository positions, SessionLifecycle lifecycle, AuditTrail audit,
                                  LiveUpdates live) {
        this.positions = positions;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.live = live;
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventTypes.TRANSCRIPT_ACCESS_REFUSED.equals(event.type())) {
            // B41: a refused transcript read (transcript-service refused it) joins the audit trail
            audit.refusedTranscriptRead(dataOf(event, TranscriptAccessRefused.class, TranscriptAccessRefused::tenantId));
            return;
        }
        if (!EventTypes.TRANSCRIPT_READ.equals(event.type())) {
            return;
        }
        TranscriptRead read = dataOf(event, TranscriptRead.class, TranscriptRead::tenantId);
        live.tableChanged(read.tenantId(), read.interactionId()); // the reader's new-details dot goes
        positions.advance(read);
        // the time of the read, not of its arrival: a read applied late (a consumer rebalance after a crash) still
        // belongs to the session it happened in, even if that session has ended since (B41)
        lifecycle.transcriptRead(read.tenantId(), read.userId(), read.interactionId(), read.position(),
                read.at() == null ? Times.now() : read.at());
    }
}
