package cc.monitoring.interaction.messaging.in;

import cc.monitoring.contracts.Topics;
import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.kit.permissions.PermissionEventHandler;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka side of consumption: batches of records handed to {@link IncomingEvents} (one transaction,
 * idempotent on event id, poison records to {@code <topic>.dlq}) and the transactional handlers.
 */
@ApplicationScoped
public class KafkaConsumers {

    static final String CONSUMER = "interaction-service.";

    private final IncomingEvents incoming;
    private final TelephonyEventHandler telephony;
    private final PermissionEventHandler permissions;
    private final MonitoringEventHandler monitoring;

    public KafkaConsumers(IncomingEvents incoming, TelephonyEventHandler telephony, PermissionEventHandler permissions,
                          MonitoringEventHandler monitoring) {
        this.incoming = incoming;
        this.telephony = telephony;
        this.permissions = permissions;
        this.monitoring = monitoring;
    }

    @Incoming(Topics.TELEPHONY_EVENTS)
    @Blocking
    public void telephonyEvents(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER + Topics.TELEPHONY_EVENTS, records, telephony);
    }

    @Incoming(Topics.PERMISSION_EVENTS)
    @Blocking
    public void permissionEvents(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER + Topics.PERMISSION_EVENTS, records, permissions);
    }

    @Incoming(Topics.MONITORING_EVENTS)
    @Blocking
    public void monitoringEvents(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER + Topics.MONITORING_EVENTS, records, monitoring);
    }
}
