package cc.monitoring.telephony.messaging;

import cc.monitoring.kit.messaging.IncomingEvents;
import cc.monitoring.telephony.service.MonitorLegService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka side of {@code telephony-commands}: batches of records handed to the kit, which applies
 * each command once (its event id) and parks unreadable or refused records on the dead-letter topic.
 */
@ApplicationScoped
public class TelephonyCommands {

    static final String CONSUMER = "telephony-gateway";

    private final IncomingEvents incoming;
    private final MonitorLegService legs;

    public TelephonyCommands(IncomingEvents incoming, MonitorLegService legs) {
        this.incoming = incoming;
        this.legs = legs;
    }

    @Incoming("telephony-commands")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        incoming.process(CONSUMER, records, legs::handle);
    }
}
