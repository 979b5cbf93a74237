package cc.monitoring.transcript;

import cc.monitoring.testsupport.PackageArrows;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The package arrows inside the service point one way (issue 9); not a @QuarkusTest: it reads the sources. */
class PackageArrowsTest {

    @Test
    void packagesImportOnlyTheLayersBelowThem() {
        Map<String, Set<String>> allowed = Map.of(
                // api maps what the services return (a read position): a shortcut downwards, not a back-arrow
                "api", Set.of("service", "domain", "persistence", "config"),
                "service", Set.of("domain", "persistence", "messaging.out", "config"),
                "domain", Set.of(),
                "persistence", Set.of("domain", "config"),
                "messaging.in", Set.of("service", "persistence", "domain", "config"),
                "messaging.out", Set.of("domain", "persistence"),
                // the LISTEN/NOTIFY listener and its readiness, until the kit's live updates replace them (h-live)
                "messaging", Set.of("service", "persistence", "config"),
                "health", Set.of("messaging"),
                "config", Set.of());
        assertEquals(List.of(), PackageArrows.violations("cc.monitoring.transcript", allowed));
    }
}
