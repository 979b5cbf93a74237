package cc.monitoring.kit.health;

import cc.monitoring.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import cc.monitoring.kit.messaging.KafkaClients;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the Kafka cluster answers. The first successful check also creates the
 * system's topics that are missing (compacted where the contract says so).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaClients clients;
    private Admin admin;
    private volatile boolean topicsEnsured;

    public KafkaReadiness(KafkaClients clients) {
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String clusterId = admin().describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            if (!topicsEnsured) {
                ensureTopics();
            }
            return HealthCheckResponse.named("kafka").up().withData("cluster", clusterId).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin("readiness", Map.of(
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        }
        return admin;
    }

    private synchronized void ensureTopics() throws InterruptedException, java.util.concurrent.TimeoutException {
        List<NewTopic> topics = Topics.all().stream()
                .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                        .configs(spec.compacted() ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of()))
                .toList();
        for (var result : admin().createTopics(topics).values().values()) {
            try {
                result.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // on a secured cluster topics come from the operator (deploy/kafka): not ours to create
                if (!(e.getCause() instanceof TopicExistsException
                        || e.getCause() instanceof TopicAuthorizationException
                        || e.getCause() instanceof ClusterAuthorizationException)) {
                    return;
                }
            }
        }
        topicsEnsured = true;
    }

    /** Creates missing topics in the background at start-up, so the first publisher finds them. */
    void onStart(@Observes StartupEvent ignored) {
        Thread creator = new Thread(() -> {
            try {
                admin().describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                ensureTopics();
            } catch (Exception e) {
                // readiness retries on every probe
            }
        }, "topic-bootstrap");
        creator.setDaemon(true);
        creator.start();
    }

    void close(@Observes ShutdownEvent ignored) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
