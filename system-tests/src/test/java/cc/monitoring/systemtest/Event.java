package cc.monitoring.systemtest;

import cc.monitoring.contracts.CloudEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record read from Kafka with its CloudEvents envelope. */
public record Event(ConsumerRecord<String, String> record, CloudEvent envelope) {

    public String key() {
        return record.key();
    }

    public String id() {
        return envelope.id();
    }

    public String type() {
        return envelope.type();
    }

    public String subject() {
        return envelope.subject();
    }

    public String tenant() {
        return envelope.tenantid();
    }

    public JsonNode data() {
        return envelope.data();
    }

    /** A text field of the payload ({@code ""} when absent). */
    public String text(String field) {
        return envelope.data().path(field).asText("");
    }

    @Override
    public String toString() {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + " " + type() + " key=" + key()
                + " " + data();
    }
}
