package cc.monitoring.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleOutTest {

    @Test
    void theCopysCommandLineDropsRecordingAndDebugAgentsAndMovesThePort() {
        List<String> cmd = ScaleOut.copyCommand(List.of("/usr/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:StartFlightRecording=filename=x.jfr", "-agentlib:jdwp=transport=dt_socket",
                "-Dquarkus.http.port=8083", "-jar", "quarkus-run.jar"), 40123);
        assertEquals(List.of("/usr/bin/java", "-Xmx256m", "-XX:+UseSerialGC", "-Dquarkus.http.port=40123", "-jar",
                "quarkus-run.jar"), cmd);
    }

    @Test
    void theCopyIsHeapSizedWhenTheOriginalIsNot() {
        assertEquals(List.of("java", "-Xmx256m", "-jar", "a.jar"), ScaleOut.copyCommand(List.of("java", "-jar", "a.jar"), 1));
    }

    @Test
    void procCmdlineAndEnvironAreNulSeparated() {
        byte[] environ = "A=1\0DB_JDBC_URL=jdbc:postgresql://h/db?x=y\0EMPTY=\0".getBytes(StandardCharsets.UTF_8);
        Map<String, String> env = ScaleOut.environment(ScaleOut.split(environ));
        assertEquals("1", env.get("A"));
        assertEquals("jdbc:postgresql://h/db?x=y", env.get("DB_JDBC_URL"));
        assertEquals("", env.get("EMPTY"));
    }

    @Test
    void instancesHoldingATopicAreToldApartByTheInstanceIdInTheClientId() {
        ScaleOut.Member original = new ScaleOut.Member("monitoring-service-4242-interaction-events", "/127.0.0.1",
                Map.of("interaction-events", new TreeSet<>(List.of(0, 1, 2))));
        ScaleOut.Member copy = new ScaleOut.Member("kafka-consumer-bench-2", "/127.0.0.1",
                Map.of("interaction-events", new TreeSet<>(List.of(3, 4, 5))));
        ScaleOut.Member idle = new ScaleOut.Member("monitoring-service-bench-2-x", "/127.0.0.1", Map.of());
        assertEquals(2, ScaleOut.instancesOn(List.of(original, copy), "interaction-events", ScaleOut.INSTANCE_ID));
        assertEquals(1, ScaleOut.instancesOn(List.of(original, idle), "interaction-events", ScaleOut.INSTANCE_ID));
        assertTrue(original.line().contains("interaction-events[0, 1, 2]"), original.line());
        assertFalse(original.line().contains("bench-2"));
    }
}
