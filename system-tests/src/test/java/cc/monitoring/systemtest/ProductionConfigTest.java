package cc.monitoring.systemtest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No production fallback to default credentials or localhost (docs/security.md): in %prod every service takes its
 * database, credentials, Kafka and identity provider from the environment with no default, so a missing variable
 * stops start-up with SmallRye Config's message naming it (SRCFG00011 "Could not expand value DB_JDBC_URL", from
 * the kit's {@code kit.required-environment} mapping, read before any extension starts), like the telephony provider's choice (ProviderChoiceTest). dev and test
 * keep their local defaults. Plain Java, no boot.
 */
class ProductionConfigTest {

    private static final List<String> SERVICES = List.of("permission-service", "interaction-service",
            "monitoring-service", "telephony-gateway", "transcript-service");
    private static final Map<String, String> REQUIRED = Map.of(
            "quarkus.datasource.jdbc.url", "DB_JDBC_URL",
            "quarkus.datasource.username", "DB_USERNAME",
            "quarkus.datasource.password", "DB_PASSWORD",
            "kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS",
            "quarkus.oidc.auth-server-url", "OIDC_AUTH_SERVER_URL");

    private static Properties properties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(PackageArrowsTest.root()
                .resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void inProductionInfrastructureAndCredentialsComeOnlyFromTheEnvironment() throws IOException {
        for (String service : SERVICES) {
            Properties properties = properties(service);
            REQUIRED.forEach((key, variable) -> {
                assertEquals("${" + variable + "}", properties.getProperty("%prod." + key),
                        service + ": %prod." + key + " has no default, so a missing " + variable + " fails start-up");
                assertTrue(properties.getProperty(key, "").startsWith("${" + variable + ":"),
                        service + ": dev and test keep the local default of " + key);
                // read before any extension starts, so that the failure names the variable (kit RequiredEnvironmentTest)
                assertEquals("${" + variable + "}", properties.getProperty("%prod.kit.required-environment." + variable),
                        service + " requires " + variable + " in production");
            });
        }
    }

    @Test
    void noProductionLineFallsBackToLocalhostOrTheDemoPassword() throws IOException {
        for (String service : SERVICES) {
            Properties properties = properties(service);
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                if (key.startsWith("%prod.")) {
                    assertFalse(value.contains("127.0.0.1") || value.contains("localhost") || value.contains(":postgres}"),
                            service + ": " + key + "=" + value);
                }
            }
        }
    }
}
