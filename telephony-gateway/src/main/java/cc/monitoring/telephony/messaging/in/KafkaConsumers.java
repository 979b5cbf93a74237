package cc.monitoring.telephony.messaging.in;

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
 * <ul>
 *   <li>{@code telephony-commands}: monitoring-service's commands for monitor legs ({@link TelephonyCommandHandler});</li>
 *   <li>{@code permission-events}: who may see calls and monitor legs, and who may drive the simulator (B07),
 *       kept by the kit's permission read model.</li>
 * </ul>
 */
@ApplicationScoped
public class KafkaConsumers {

    /** The consumer names under which applied event ids are recorded; kept as they were, so nothing is applied twice. */
    static final String COMMANDS_CONSUMER = "telephony-gateway";
    static final String PERMISSIONS_CONSUMER = "telephony-gateway." + Topics.PERMISSION_EVENTS;

    private final IncomingEvents incoming;
    private final TelephonyCommandHandler commands;
    private final PermissionEventHandler permissions;

    public KafkaConsumers(IncomingEvents incoming, TelephonyCommandHandler commands, PermissionEventHandler permissions) {
        this.incoming = incoming;
        this.commands = commands;
        this.permissions = permissions;
    }

    @Incoming(Topics.TELEPHONY_COMMANDS)
    @Blocking
    public void telephonyCommands(ConsumerRecords<String, String> records) {
        incoming.process(COMMANDS_CONSUMER, records, commands);
    }

    @Incoming(Topics.PERMISSION_EVENTS)
    @Blocking
    public void permissionEvents(ConsumerRecords<String, String> records) {
        incoming.process(PERMISSIONS_CONSUMER, records, permissions);
    }
}
