package cc.monitoring.monitor.domain;

/**
 * B12: a table cursor that this table did not give out for the caller's tenant, filters and sort (or mangled):
 * 400 {@code invalid-cursor}; the client starts again from the first page.
 */
public final class InvalidCursorException extends MonitoringRefusedException {
    public static final String TYPE = "invalid-cursor";

    public InvalidCursorException() {
        super(Kind.INVALID, TYPE, "Invalid cursor",
                "the cursor does not belong to this table, its filters and its sort: start from the first page");
    }
}
