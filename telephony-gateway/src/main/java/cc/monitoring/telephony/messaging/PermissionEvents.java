package cc.monitoring.telephony.messaging;

import cc.monitoring.contracts.Topics;
import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.kit.permissions.PermissionEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka side of {@code permission-events}: who may see calls and monitor legs, and who may drive
 * the simulator (B07), kept by the kit's permission read model.
 */
@ApplicationScoped
public class PermissionEvents {

    static final String CONSUMER = "telephony-gateway." + Topics.PERMISSION_EVENTS;

    private final IncomingEvents incoming;
    private final PermissionEventHandler handler;

    public PermissionEvents(IncomingEvents incoming, PermissionEventHandler handler) {
        this.incoming = incoming;
        this.handler = handler;
    }

    @Incoming(Topics.PERMISSION_EVENTS)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER, records, handler);
    }
}
