package cc.monitoring.interaction;

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
                // api also maps the entities the services return (FlowEntity): a shortcut downwards, not a back-arrow
                "api", Set.of("service", "domain", "persistence", "config"),
                "service", Set.of("domain", "persistence", "messaging.out", "config"),
                "domain", Set.of(),
                "persistence", Set.of("domain"),
                "messaging.in", Set.of("service", "persistence", "domain", "config"),
                "messaging.out", Set.of("domain", "persistence"),
                "config", Set.of());
        assertEquals(List.of(), PackageArrows.violations("cc.monitoring.interaction", allowed));
    }
}
