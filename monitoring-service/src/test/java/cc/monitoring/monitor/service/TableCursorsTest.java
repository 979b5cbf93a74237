package cc.monitoring.monitor.service;

import cc.monitoring.contracts.interaction.Channel;
import cc.monitoring.monitor.domain.InvalidCursorException;
import cc.monitoring.monitor.persistence.InteractionRepository.TableFilter;
import cc.monitoring.monitor.persistence.InteractionRepository.TablePosition;
import cc.monitoring.monitor.persistence.InteractionRepository.TableSort;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableCursorsTest {

    private static final TableFilter BY_CUSTOMER = new TableFilter(null, Channel.CHAT, "ann", null, TableSort.CUSTOMER);
    private static final TablePosition LAST = new TablePosition(true, "+1 555 «Zoë»",
            Instant.parse("2026-12-03T10:15:30.123456Z"), "i-42");

    @Test
    void B12_aCursorStandsForThePositionOfThePagesLastRow() {
        String cursor = TableCursors.encode("t1", BY_CUSTOMER, LAST);
        assertEquals(LAST, TableCursors.decode("t1", BY_CUSTOMER, cursor));
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor); // fits a query parameter as it is
        TableFilter newest = new TableFilter(null, null, null);
        TablePosition ended = new TablePosition(false, null, Instant.parse("2026-01-01T00:00:00Z"), "x");
        assertEquals(ended, TableCursors.decode("t1", newest, TableCursors.encode("t1", newest, ended)));
    }

    @Test
    void B06_aCursorIsRefusedForAnotherTenantOrOtherFiltersAndNamesNoTenant() {
        String cursor = TableCursors.encode("tenant-secret", BY_CUSTOMER, LAST);
        assertThrows(InvalidCursorException.class, () -> TableCursors.decode("other", BY_CUSTOMER, cursor));
        assertThrows(InvalidCursorException.class, () -> TableCursors.decode("tenant-secret",
                new TableFilter(null, Channel.CHAT, "ann", null, TableSort.CUSTOMER_DESC), cursor));
        assertThrows(InvalidCursorException.class, () -> TableCursors.decode("tenant-secret",
                new TableFilter("ACTIVE", Channel.CHAT, "ann", null, TableSort.CUSTOMER), cursor));
        assertFalse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).contains("tenant-secret"));
    }

    @Test
    void B12_aMangledCursorIsRefused() {
        String cursor = TableCursors.encode("t1", BY_CUSTOMER, LAST);
        for (String bad : new String[] {"", "@@", "abc", "A" + cursor.substring(1), cursor + "AAAA",
                "x".repeat(TableCursors.MAX_LENGTH + 1),
                Base64.getUrlEncoder().encodeToString("t1\na\n1\nk\n0\n0\ni".getBytes(StandardCharsets.UTF_8))}) {
            assertThrows(InvalidCursorException.class, () -> TableCursors.decode("t1", BY_CUSTOMER, bad), bad);
        }
    }
}
