package cc.monitoring.monitor.messaging.in;

import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.kit.permissions.PermissionEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka adapter: every @Incoming of the service. Batches from each topic go through the kit's
 * idempotent consumer to the handler of their source; nothing is decided here.
 */
@ApplicationScoped
public class KafkaConsumers {

    private final IncomingEvents incoming;
    private final InteractionEventHandler interactions;
    private final TelephonyEventHandler telephony;
    private final TranscriptEventHandler transcripts;
    private final PermissionEventHandler permissions;

    public KafkaConsumers(IncomingEvents incoming, InteractionEventHandler interactions, TelephonyEventHandler telephony,
                          TranscriptEventHandler transcripts, PermissionEventHandler permissions) {
        this.incoming = incoming;
        this.interactions = interactions;
        this.telephony = telephony;
        this.transcripts = transcripts;
        this.permissions = permissions;
    }

    @Incoming("interaction-events")
    @Blocking
    public void interactionEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.interaction-events", records, interactions::onInteractionEvent);
    }

    @Incoming("agent-presence")
    @Blocking
    public void agentPresence(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.agent-presence", records, interactions::onPresenceEvent);
    }

    @Incoming("permission-events")
    @Blocking
    public void permissionEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.permission-events", records, permissions);
    }

    @Incoming("transcript-events")
    @Blocking
    public void transcriptEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.transcript-events", records, transcripts);
    }

    @Incoming("telephony-events")
    @Blocking
    public void telephonyEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.telephony-events", records, telephony);
    }
}
