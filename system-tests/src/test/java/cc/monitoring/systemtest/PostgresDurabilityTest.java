package cc.monitoring.systemtest;

import cc.monitoring.launcher.PostgresServer;
import cc.monitoring.launcher.StackPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The launcher's PostgreSQL (bin/stack) runs durable: fsync, synchronous_commit and full_page_writes on, so an
 * acknowledged commit survives a crash; a system test's throw-away server may turn them off. Real servers.
 */
class PostgresDurabilityTest {

    private static Map<String, String> settingsOf(boolean durable, Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(new StackPaths(dir, dir.resolve("local")), dir.resolve("pg"), port,
                "monitoring", durable);
        server.start();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement st = c.createStatement()) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
                try (ResultSet rs = st.executeQuery("show " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
            return settings;
        } finally {
            server.stop();
        }
    }

    @Test
    void theLocalStacksServerIsDurableAndAThrowAwayOneNeedNotBe(@TempDir Path durableDir, @TempDir Path fastDir)
            throws Exception {
        assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"),
                settingsOf(true, durableDir));
        assertEquals(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"),
                settingsOf(false, fastDir));
    }
}
