package cc.monitoring.kit.messaging;

import cc.monitoring.contracts.Topics;
import cc.monitoring.testsupport.EmbeddedKafkaBroker;
import cc.monitoring.testsupport.KafkaAclTable;
import cc.monitoring.testsupport.SecuredKafka;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit's hand-made Kafka clients against a real broker that asks for SASL/SCRAM-SHA-512 and authorizes with
 * the ACL table of deploy/kafka/acls.csv (docs/security.md): with a service's credentials in its {@code kafka.*}
 * properties they work, without them they are refused, and only a topic's owner may write it. Plain JUnit.
 */
class KafkaClientsSecurityTest {

    private static final List<String> SERVICES = List.of("permission-service", "interaction-service",
            "monitoring-service", "telephony-gateway", "transcript-service");
    private static SecuredKafka broker;

    @BeforeAll
    static void securedBrokerWithThePrincipalsAndAclsOfTheTable() {
        broker = EmbeddedKafkaBroker.secured();
        SERVICES.forEach(service -> broker.createUser(service, password(service)));
        broker.createTopics(Topics.all().stream()
                .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty()))
                .toList());
        broker.createAcls(KafkaAclTable.read(KafkaAclTable.repositoryTable()).stream()
                .map(KafkaAclTable.Row::binding).toList());
    }

    private static String password(String service) {
        return service + "-test-secret";
    }

    /** The kit's clients of {@code service} with these {@code kafka.*} properties (as SmallRye gets them). */
    private static KafkaClients clientsOf(String service, Map<String, Object> security) {
        Map<String, Object> kafka = new HashMap<>(security);
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        kafka.put(CommonClientConfigs.GROUP_ID_CONFIG, service);
        return new KafkaClients(kafka, service, "test-1");
    }

    private static KafkaClients signedIn(String service) {
        return clientsOf(service, SecuredKafka.clientProperties(service, password(service)));
    }

    private static final Map<String, Object> QUICK = Map.of(
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);

    private static Throwable sendFailure(KafkaClients clients, String topic) {
        try (KafkaProducer<String, String> producer = clients.producer("outbox-relay", Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000))) {
            producer.send(new ProducerRecord<>(topic, "call-1", "{}")).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void everyClientGetsTheSharedKafkaPropertiesAndItsOwnClientId() {
        KafkaClients clients = signedIn("monitoring-service");
        Map<String, Object> config = clients.config("dead-letters", Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        assertEquals("monitoring-service-test-1-dead-letters", config.get(CommonClientConfigs.CLIENT_ID_CONFIG));
        assertEquals("SASL_PLAINTEXT", config.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        assertEquals(SecuredKafka.MECHANISM, config.get("sasl.mechanism"));
        assertEquals(broker.bootstrapServers(), config.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertFalse(config.containsKey(CommonClientConfigs.GROUP_ID_CONFIG), "a consumer-only setting");
        assertEquals("monitoring-service-test-1-readiness", clients.clientId("readiness"));
    }

    @Test
    void withTheServicesCredentialsTheAdminAndTheProducerWork() throws Exception {
        KafkaClients clients = signedIn("monitoring-service");
        try (var admin = clients.admin("readiness", QUICK)) {
            assertFalse(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS).isBlank());
        }
        assertEquals(null, sendFailure(clients, Topics.TELEPHONY_COMMANDS));
        assertEquals(null, sendFailure(clients, Topics.MONITORING_EVENTS));
    }

    @Test
    void withoutCredentialsOrWithAWrongPasswordTheBrokerRefuses() {
        KafkaClients anonymous = clientsOf("monitoring-service", Map.of());
        try (var admin = anonymous.admin("readiness", QUICK)) {
            assertThrows(Exception.class, () -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
        }
        KafkaClients wrong = clientsOf("monitoring-service",
                SecuredKafka.clientProperties("monitoring-service", "not-the-password"));
        try (var admin = wrong.admin("readiness", QUICK)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void overTlsWithTheServicesCredentialsAndTheTrustStoreTheClientsWorkAndWithoutTheTrustStoreTheyFail()
            throws Exception {
        Map<String, Object> tls = new HashMap<>(broker.tlsClientProperties("monitoring-service",
                password("monitoring-service")));
        tls.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.tlsBootstrapServers());
        KafkaClients clients = new KafkaClients(tls, "monitoring-service", "test-1");
        // TLS handshakes are slow on a loaded machine: the default timeouts, not the quick ones
        try (var admin = clients.admin("readiness", Map.of())) {
            assertFalse(admin.describeCluster().clusterId().get(60, TimeUnit.SECONDS).isBlank());
        }
        assertEquals(null, sendFailure(clients, Topics.TELEPHONY_COMMANDS));

        Map<String, Object> untrusted = new HashMap<>(tls);
        untrusted.remove("ssl.truststore.location");
        untrusted.remove("ssl.truststore.type");
        untrusted.remove("ssl.truststore.password");
        try (var admin = new KafkaClients(untrusted, "monitoring-service", "test-1").admin("readiness", QUICK)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
            assertInstanceOf(org.apache.kafka.common.errors.SslAuthenticationException.class, refused.getCause());
        }
    }

    @Test
    void B01_onlyMonitoringServiceMayWriteTelephonyCommands() {
        for (String service : SERVICES) {
            Throwable failure = sendFailure(signedIn(service), Topics.TELEPHONY_COMMANDS);
            if (service.equals("monitoring-service")) {
                assertEquals(null, failure);
            } else {
                assertInstanceOf(TopicAuthorizationException.class, failure,
                        service + " must not dial a leg into any call");
            }
        }
    }

    @Test
    void theAclTableGivesEveryTopicExactlyOneWriterAndEveryDeadLetterTopicOnlyItsConsumers() {
        List<KafkaAclTable.Row> rows = KafkaAclTable.read(KafkaAclTable.repositoryTable());
        Map<String, Set<String>> writers = rows.stream()
                .filter(r -> r.resourceType() == ResourceType.TOPIC && r.operation() == AclOperation.WRITE)
                .collect(Collectors.groupingBy(KafkaAclTable.Row::resourceName,
                        Collectors.mapping(KafkaAclTable.Row::principal, Collectors.toSet())));
        Map<String, Set<String>> readers = rows.stream()
                .filter(r -> r.resourceType() == ResourceType.TOPIC && r.operation() == AclOperation.READ)
                .collect(Collectors.groupingBy(KafkaAclTable.Row::resourceName,
                        Collectors.mapping(KafkaAclTable.Row::principal, Collectors.toSet())));
        for (Topics.Spec spec : Topics.all()) {
            if (spec.name().endsWith(".dlq")) {
                String source = spec.name().substring(0, spec.name().length() - ".dlq".length());
                assertEquals(readers.getOrDefault(source, Set.of()), writers.getOrDefault(spec.name(), Set.of()),
                        spec.name() + ": written by the consumers of " + source);
            } else {
                assertEquals(1, writers.getOrDefault(spec.name(), Set.of()).size(),
                        spec.name() + " has one owner: " + writers.get(spec.name()));
            }
        }
        assertEquals(Set.of("User:monitoring-service"), writers.get(Topics.TELEPHONY_COMMANDS));
        assertTrue(rows.stream().allMatch(r -> SERVICES.contains(r.principal().substring("User:".length()))));
    }
}
