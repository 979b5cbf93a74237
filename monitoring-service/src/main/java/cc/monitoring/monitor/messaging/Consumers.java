package cc.monitoring.monitor.messaging;

import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.kit.permissions.PermissionEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The Kafka adapter: batches from each topic, handed to the idempotent handler. */
@ApplicationScoped
public class Consumers {

    private final IncomingEvents incoming;
    private final ReadModels readModels;
    private final PermissionEventHandler permissions;

    public Consumers(IncomingEvents incoming, ReadModels readModels, PermissionEventHandler permissions) {
        this.incoming = incoming;
        this.readModels = readModels;
        this.permissions = permissions;
    }

    @Incoming("interaction-events")
    @Blocking
    public void interactionEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.interaction-events", records, readModels::onInteractionEvent);
    }

    @Incoming("permission-events")
    @Blocking
    public void permissionEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.permission-events", records, permissions);
    }

    @Incoming("agent-presence")
    @Blocking
    public void agentPresence(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.agent-presence", records, readModels::onPresenceEvent);
    }

    @Incoming("transcript-events")
    @Blocking
    public void transcriptEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.transcript-events", records, readModels::onTranscriptEvent);
    }

    @Incoming("telephony-events")
    @Blocking
    public void telephonyEvents(ConsumerRecords<String, String> records) {
        incoming.process("monitoring-service.telephony-events", records, readModels::onTelephonyEvent);
    }
}
