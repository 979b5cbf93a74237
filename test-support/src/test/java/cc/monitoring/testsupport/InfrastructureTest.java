package cc.monitoring.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static cc.monitoring.testsupport.Infrastructure.CONTAINERS;
import static cc.monitoring.testsupport.Infrastructure.EMBEDDED;
import static cc.monitoring.testsupport.Infrastructure.EXTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Kafka and PostgreSQL the tests get: plain logic, no Docker needed. */
class InfrastructureTest {

    private static final BooleanSupplier ENGINE = () -> true;
    private static final BooleanSupplier NO_ENGINE = () -> false;
    private static final BooleanSupplier NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("the Docker engine was probed although the choice was already made");
    };

    @Test
    void anExternalServerWinsOverEverythingAndNothingIsProbed() {
        assertEquals(EXTERNAL, Infrastructure.choose("broker:9092", null, NOT_TO_BE_ASKED));
        assertEquals(EXTERNAL, Infrastructure.choose("jdbc:postgresql://db/x", "true", NOT_TO_BE_ASKED));
    }

    @Test
    void testcontainersTrueAsksForContainersFalseForbidsThem() {
        assertEquals(CONTAINERS, Infrastructure.choose(null, "true", NOT_TO_BE_ASKED));
        assertEquals(CONTAINERS, Infrastructure.choose("", " TRUE ", NOT_TO_BE_ASKED));
        assertEquals(EMBEDDED, Infrastructure.choose(null, "false", NOT_TO_BE_ASKED));
    }

    @Test
    void withoutAChoiceADetectedEngineMeansContainersElseEmbedded() {
        assertEquals(CONTAINERS, Infrastructure.choose(null, null, ENGINE));
        assertEquals(EMBEDDED, Infrastructure.choose(null, null, NO_ENGINE));
        assertEquals(EMBEDDED, Infrastructure.choose("  ", "", NO_ENGINE));
    }

    @Test
    void aMisspeltValueIsAnErrorNotASilentDefault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Infrastructure.choose(null, "yes", ENGINE));
        assertTrue(e.getMessage().contains("TESTCONTAINERS must be true or false"), e.getMessage());
    }

    @Test
    void anEngineIsLookedForOnlyWhereASocketOrAddressIs(@TempDir Path home) throws Exception {
        assertTrue(Infrastructure.DockerEngine.socketPresent("tcp://docker:2375", home));
        boolean systemSocket = Files.exists(Path.of("/var/run/docker.sock"));
        assertEquals(systemSocket, Infrastructure.DockerEngine.socketPresent(null, home));
        Files.createDirectories(home.resolve(".docker/run"));
        Files.createFile(home.resolve(".docker/run/docker.sock"));
        assertTrue(Infrastructure.DockerEngine.socketPresent(null, home));
    }

    @Test
    void hereWithoutADockerEngineTheEmbeddedServersAreUsed() {
        // CI on this kind of machine: no engine, no TESTCONTAINERS, no external address
        if (System.getenv(Infrastructure.ENV_TESTCONTAINERS) == null && System.getenv("DOCKER_HOST") == null
                && !Files.exists(Path.of("/var/run/docker.sock"))) {
            assertFalse(Infrastructure.DockerEngine.detected());
        }
    }
}
