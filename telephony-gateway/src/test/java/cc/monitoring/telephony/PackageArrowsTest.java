package cc.monitoring.telephony;

import cc.monitoring.testsupport.PackageArrows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The package arrows inside the gateway point one way (issue 9). {@code provider} is an adapter layer like
 * {@code messaging}: services use it, its implementations never import {@code api} or {@code service}.
 * Not a @QuarkusTest: it reads the sources.
 */
class PackageArrowsTest {

    @Test
    void packagesImportOnlyTheLayersBelowThem() {
        Map<String, Set<String>> allowed = Map.of(
                // api maps the entities the services return, and the simulator's and Twilio's webhooks talk to
                // their provider adapter (signature check, simulated network) directly
                "api", Set.of("service", "domain", "persistence", "provider", "config"),
                "service", Set.of("domain", "persistence", "messaging.out", "provider", "config"),
                "domain", Set.of(),
                "persistence", Set.of("domain"),
                "provider", Set.of("domain", "config"),
                "messaging.in", Set.of("service", "persistence", "domain", "config"),
                "messaging.out", Set.of("domain", "persistence"),
                "config", Set.of());
        assertEquals(List.of(), PackageArrows.violations("cc.monitoring.telephony", allowed));
    }
}
