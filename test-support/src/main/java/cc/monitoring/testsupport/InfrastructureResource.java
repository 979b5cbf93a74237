package cc.monitoring.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real Kafka broker and a real PostgreSQL server for the service under test: the servers
 * named by {@code KAFKA_BOOTSTRAP_SERVERS} / {@code DB_JDBC_URL}, else Testcontainers containers on a machine with a
 * Docker engine (or with {@code TESTCONTAINERS=true}), else the embedded servers ({@link Infrastructure}). Both are
 * JVM-wide singletons, so several test classes and profiles share them; {@link #stop()} leaves them running for the
 * next test.
 * <p>
 * Init args (all optional): {@code kafka=false} or {@code postgres=false} to skip one of them.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(InfrastructureResource.class)
 * &#64;WithTestResource(OidcWiremockTestResource.class)
 * class MyServiceTest { ... }
 * </pre>
 */
public class InfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private boolean kafka = true;
    private boolean postgres = true;

    @Override
    public void init(Map<String, String> initArgs) {
        kafka = !"false".equalsIgnoreCase(initArgs.getOrDefault("kafka", "true"));
        postgres = !"false".equalsIgnoreCase(initArgs.getOrDefault("postgres", "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (kafka) {
            config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        }
        if (postgres) {
            Database db = database();
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            if (db.username() != null) {
                config.put("quarkus.datasource.username", db.username());
            }
            if (db.password() != null) {
                config.put("quarkus.datasource.password", db.password());
            }
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers are shared by every test in this JVM; shutdown hooks stop them
    }

    /** Bootstrap servers of the test broker (starts the embedded broker if needed). */
    public static String kafkaBootstrapServers() {
        return EmbeddedKafkaBroker.bootstrapServers();
    }

    /** JDBC URL, user and password of the test database (starts the embedded server if needed). */
    public static Database database() {
        return EmbeddedPostgresServer.database();
    }
}
