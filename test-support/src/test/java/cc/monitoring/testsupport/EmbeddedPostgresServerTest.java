package cc.monitoring.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void selectOne() throws Exception {
        Database db = InfrastructureResource.database();
        assertEquals(db, InfrastructureResource.database(), "one server per JVM");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
