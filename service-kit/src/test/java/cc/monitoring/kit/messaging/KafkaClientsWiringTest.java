package cc.monitoring.kit.messaging;

import cc.monitoring.testsupport.InfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * In a running service the kit's Kafka clients get every {@code kafka.*} property the SmallRye channels get (here
 * the test broker's address and a setting of the test configuration), and a client id naming service, instance
 * and role. With security settings the same path carries SASL/TLS (KafkaClientsSecurityTest).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KafkaClientsWiringTest {

    @Inject
    KafkaClients clients;

    @Test
    void theKitsClientsTakeTheChannelsKafkaPropertiesAndAClientIdPerServiceInstanceAndRole() {
        Map<String, Object> config = clients.config("outbox-relay", Map.of());
        assertEquals(InfrastructureResource.kafkaBootstrapServers(), config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("kit-test-rack", config.get(CommonClientConfigs.CLIENT_RACK_CONFIG));
        assertEquals("service-kit-test-instance-7-outbox-relay", config.get(CommonClientConfigs.CLIENT_ID_CONFIG));
        assertFalse(config.containsKey(CommonClientConfigs.GROUP_ID_CONFIG), "a consumer's setting, not the relay's");
    }
}
