package cc.monitoring.testsupport;

/** Where the test PostgreSQL server is. {@code username}/{@code password} may be null for an external server given only by URL. */
public record Database(String jdbcUrl, String username, String password) {
}
