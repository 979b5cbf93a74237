package cc.monitoring.kit.messaging;

import cc.monitoring.kit.KitConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the kit's hand-made Kafka clients (outbox relay, dead letters, readiness/topic admin)
 * get their configuration: every {@code kafka.*} property, exactly as the SmallRye channels get them
 * (Quarkus' {@code default-kafka-broker} map: {@code kafka.security.protocol}, {@code kafka.sasl.*},
 * {@code kafka.ssl.*} ...), so TLS and SASL work by configuration alone, plus a distinct
 * {@code client.id} {@code <service>-<instance>-<role>} (quotas, ACL audit logs and broker metrics tell the
 * instances apart). The instance is {@code kit.kafka.instance-id}, else {@code HOSTNAME} (a pod's name),
 * else the process id.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> base;
    private final String service;
    private final String instance;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> defaultKafkaBroker,
                        @ConfigProperty(name = "quarkus.application.name") String service,
                        KitConfig kit) {
        this(defaultKafkaBroker, service, kit.kafka().instanceId().filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")).filter(s -> !s.isBlank()))
                .orElse(String.valueOf(ProcessHandle.current().pid())));
    }

    /** For plain tests: the {@code kafka.*} properties without their prefix, the service and instance names. */
    public KafkaClients(Map<String, Object> kafkaProperties, String service, String instance) {
        Map<String, Object> copy = new HashMap<>(kafkaProperties);
        // consumer-only settings of the channels' defaults; a producer or admin client would warn about them
        copy.remove(CommonClientConfigs.GROUP_ID_CONFIG);
        copy.remove(CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG);
        this.base = Map.copyOf(copy);
        this.service = service;
        this.instance = instance;
    }

    /** {@code <service>-<instance>-<role>}. */
    public String clientId(String role) {
        return service + "-" + instance + "-" + role;
    }

    /** The shared properties and this role's client id, then the caller's own settings (acks, timeouts ...). */
    public Map<String, Object> config(String role, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(base);
        config.putAll(settings);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId(role));
        return config;
    }

    /** A producer of String keys and values. */
    public KafkaProducer<String, String> producer(String role, Map<String, Object> settings) {
        Map<String, Object> config = config(role, settings);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    public Admin admin(String role, Map<String, Object> settings) {
        return Admin.create(config(role, settings));
    }
}
