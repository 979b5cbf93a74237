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
    void instancesAreTheMembersHoldingInteractionEventsPartitions() {
        ScaleOut.Member original = new ScaleOut.Member("kafka-consumer-interaction-events-a1", "kafka-consumer-interaction-events",
                "/127.0.0.1", Map.of("interaction-events", new TreeSet<>(List.of(0, 1, 2))));
        ScaleOut.Member copy = new ScaleOut.Member("kafka-consumer-interaction-events-b2", "kafka-consumer-interaction-events",
                "/127.0.0.1", Map.of("interaction-events", new TreeSet<>(List.of(3, 4, 5))));
        ScaleOut.Member presence = new ScaleOut.Member("kafka-consumer-agent-presence-c3", "kafka-consumer-agent-presence",
                "/127.0.0.1", Map.of("agent-presence", new TreeSet<>(List.of(0, 1, 2, 3, 4, 5))));
        ScaleOut.Member idle = new ScaleOut.Member("kafka-consumer-interaction-events-d4", "kafka-consumer-interaction-events",
                "/127.0.0.1", Map.of());
        assertEquals(2, ScaleOut.instancesOn(List.of(original, copy, presence), "interaction-events"));
        assertEquals(1, ScaleOut.instancesOn(List.of(original, idle, presence), "interaction-events"));
        assertTrue(original.line().contains("interaction-events[0, 1, 2]"), original.line());
        assertTrue(original.line().contains("kafka-consumer-interaction-events-a1"), original.line());
        assertFalse(presence.line().contains("interaction-events["), presence.line());
    }
}
