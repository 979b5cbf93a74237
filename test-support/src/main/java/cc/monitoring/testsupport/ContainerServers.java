package cc.monitoring.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka and PostgreSQL as Testcontainers containers ({@link Infrastructure#CONTAINERS}): the same versions and
 * settings as the embedded servers, one of each per JVM (the callers publish the address as the same system
 * properties, so Quarkus' class loaders share them). Testcontainers' reaper removes them when the JVM ends.
 */
final class ContainerServers {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private ContainerServers() {
    }

    /** Starts a KRaft broker and returns its bootstrap servers. */
    @SuppressWarnings("resource") // lives as long as the JVM
    static String startKafka() {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        kafka.start();
        System.err.printf("[test-support] Kafka container %s at %s%n", KAFKA_IMAGE, kafka.getBootstrapServers());
        return kafka.getBootstrapServers();
    }

    /** Starts PostgreSQL (database {@code postgres}, the embedded server's user and password), returns its JDBC URL. */
    @SuppressWarnings("resource")
    static String startPostgres() {
        PostgreSQLContainer pg = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withDatabaseName("postgres")
                .withUsername(EmbeddedPostgresServer.USERNAME)
                .withPassword(EmbeddedPostgresServer.PASSWORD)
                // test data is disposable, as with the embedded server
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=100");
        pg.start();
        System.err.printf("[test-support] PostgreSQL container %s at %s%n", POSTGRES_IMAGE, pg.getJdbcUrl());
        return pg.getJdbcUrl();
    }
}
