package cc.monitoring.transcript.messaging.in;

import cc.monitoring.contracts.Topics;
import cc.monitoring.kit.messaging.IncomingEvents;
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

    static final String CONSUMER = "transcript-service.";

    private final IncomingEvents incoming;
    private final InteractionEventHandler interactions;
    private final MonitoringEventHandler monitoring;

    public KafkaConsumers(IncomingEvents incoming, InteractionEventHandler interactions,
                          MonitoringEventHandler monitoring) {
        this.incoming = incoming;
        this.interactions = interactions;
        this.monitoring = monitoring;
    }

    @Incoming(Topics.INTERACTION_EVENTS)
    @Blocking
    public void interactionEvents(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER + Topics.INTERACTION_EVENTS, records, interactions);
    }

    @Incoming(Topics.MONITORING_EVENTS)
    @Blocking
    public void monitoringEvents(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER + Topics.MONITORING_EVENTS, records, monitoring);
    }
}
