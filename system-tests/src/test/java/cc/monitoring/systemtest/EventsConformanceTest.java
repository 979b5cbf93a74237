package cc.monitoring.systemtest;

import cc.monitoring.contracts.CloudEvent;
import cc.monitoring.contracts.EventJson;
import cc.monitoring.contracts.EventTypes;
import cc.monitoring.contracts.Topics;
import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.contracts.interaction.EndedBy;
import cc.monitoring.contracts.interaction.InteractionEnded;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check every system test applies to the events it reads ({@link Events#assertConformsToItsSchemas}) accepts
 * what the services write and refuses what breaks the published contract. Plain JUnit, no system started.
 */
class EventsConformanceTest {

    private static final String T = "tenant-a";

    private static String wire() {
        return EventJson.write(CloudEvent.of(EventTypes.INTERACTION_ENDED, "/interaction-service", T, "i-1",
                new InteractionEnded(T, "i-1", Channel.VOICE, EndedBy.CUSTOMER, Instant.now())));
    }

    private static ConsumerRecord<String, String> record(String value, String... headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.INTERACTION_EVENTS, 0, 7, "i-1", value);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static String refusal(ConsumerRecord<String, String> record) {
        return assertThrows(AssertionError.class, () -> Events.assertConformsToItsSchemas(record)).getMessage();
    }

    @Test
    void B40_anEventAsTheOutboxRelayWritesItConforms() {
        assertDoesNotThrow(() -> Events.assertConformsToItsSchemas(record(wire(), "content-type", CloudEvent.CONTENT_TYPE,
                "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")));
    }

    @Test
    void B40_binaryModeHeadersOrAMissingContentTypeAreRefused() {
        assertTrue(refusal(record(wire())).contains("content-type"));
        assertTrue(refusal(record(wire(), "content-type", CloudEvent.CONTENT_TYPE, "ce_type", EventTypes.INTERACTION_ENDED))
                .contains("ce_type"));
    }

    @Test
    void B40_aPayloadThatBreaksItsSchemaIsRefusedWithTheSchemaError() {
        String wrong = wire().replace("\"channel\":\"VOICE\"", "\"channel\":\"FAX\"");

        String message = refusal(record(wrong, "content-type", CloudEvent.CONTENT_TYPE));

        assertTrue(message.contains("interaction/interaction-ended.v1.json") && message.contains("channel"), message);
        assertTrue(message.contains("FAX"), "the record is in the message: " + message);
    }

    @Test
    void B40_aBareTypeOfThePreviousReleaseOrAMissingDataschemaIsRefusedOnTheWire() {
        String bare = wire().replace(EventTypes.INTERACTION_ENDED, "interaction-ended");
        String noSchema = wire().replace(",\"dataschema\":\"" + EventTypes.dataschema(EventTypes.INTERACTION_ENDED) + "\"", "");

        assertTrue(refusal(record(bare, "content-type", CloudEvent.CONTENT_TYPE)).contains("type"));
        assertTrue(refusal(record(noSchema, "content-type", CloudEvent.CONTENT_TYPE)).contains("dataschema"));
    }
}
