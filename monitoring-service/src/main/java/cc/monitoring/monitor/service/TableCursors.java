package cc.monitoring.monitor.service;

import cc.monitoring.monitor.domain.InvalidCursorException;
import cc.monitoring.monitor.persistence.InteractionRepository.TableFilter;
import cc.monitoring.monitor.persistence.InteractionRepository.TablePosition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The opaque {@code cursor} of the monitoring table's keyset pages (B12): the position of a page's last row,
 * bound to the tenant, the filters and the sort it was given out for. A cursor used by another tenant or with
 * other filters is refused ({@link InvalidCursorException}); it never positions a query of another tenant (B06:
 * the query is scoped by the caller's tenant anyway) and names no tenant. It holds the last row's sort key
 * (e.g. its customer) — only ever given to a caller who was shown that row.
 */
public final class TableCursors {

    /** The longest cursor accepted: a position with a 200-character key is about 600 characters. */
    public static final int MAX_LENGTH = 1024;
    private static final String VERSION = "t1";
    private static final char SEPARATOR = '\n';

    private TableCursors() {
    }

    /** The cursor of the page after {@code last} (the last row shown) for this tenant and filter. */
    public static String encode(String tenantId, TableFilter filter, TablePosition last) {
        StringBuilder text = new StringBuilder(VERSION).append(SEPARATOR).append(binding(tenantId, filter))
                .append(SEPARATOR).append(last.live() ? '1' : '0')
                .append(SEPARATOR).append(last.key() == null ? "" : "k" + last.key())
                .append(SEPARATOR).append(last.startedAt().getEpochSecond())
                .append(SEPARATOR).append(last.startedAt().getNano())
                .append(SEPARATOR).append(last.interactionId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} stands for, when it was given out for this tenant and filter; else refused. */
    public static TablePosition decode(String tenantId, TableFilter filter, String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 7 || !parts[0].equals(VERSION) || !parts[1].equals(binding(tenantId, filter))
                    || !(parts[2].equals("1") || parts[2].equals("0"))) {
                throw new InvalidCursorException();
            }
            boolean keyed = filter.sort().hasKey();
            if (keyed != parts[3].startsWith("k") || (!keyed && !parts[3].isEmpty())) {
                throw new InvalidCursorException();
            }
            String key = keyed ? parts[3].substring(1) : null;
            Instant startedAt = Instant.ofEpochSecond(Long.parseLong(parts[4]), Integer.parseInt(parts[5]));
            String id = parts[6];
            if (id.isEmpty() || id.length() > 64 || id.chars().anyMatch(Character::isISOControl)
                    || (key != null && key.chars().anyMatch(Character::isISOControl))) {
                throw new InvalidCursorException();
            }
            return new TablePosition(parts[2].equals("1"), key, startedAt, id);
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw new InvalidCursorException();
        }
    }

    /**
     * What a cursor is bound to: a digest of the tenant, every filter and the sort (not secret — it keeps a
     * cursor from being used elsewhere, and shows neither the tenant nor the filters).
     */
    private static String binding(String tenantId, TableFilter filter) {
        String bound = String.join("\u0000", tenantId, Objects.toString(filter.state()),
                Objects.toString(filter.channel()), Objects.toString(filter.agent()), Objects.toString(filter.q()),
                filter.sort().name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bound.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
