package cc.monitoring.transcript.api;

import cc.monitoring.testsupport.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real infrastructure for every test of this module: an Apache Kafka broker and PostgreSQL in the
 * test JVM (or the servers named by KAFKA_BOOTSTRAP_SERVERS / DB_JDBC_URL), and an OIDC provider
 * whose keys sign the test tokens.
 */
@QuarkusTestResource(InfrastructureResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
