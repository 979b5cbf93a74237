package cc.monitoring.interaction.domain;

/**
 * Which interactions of their tenant a caller may read on interaction-service's read API (B08, B03).
 * <ul>
 * <li>{@link #ALL}: the channel platform (it delivers them; it sees every interaction of its tenant).</li>
 * <li>{@link #MONITORABLE}: administrators see only interactions whose flow had Silent Monitoring on when they
 * started; any other answers exactly like an unknown id (404), and is left out of listings.</li>
 * </ul>
 * Monitors have no scope here: they see interactions through monitoring-service's table and read transcripts
 * inside a monitoring session (B34).
 */
public enum ReadScope {
    ALL, MONITORABLE;

    /** Whether an interaction with this toggle is visible in this scope. */
    public boolean shows(boolean silentMonitoring) {
        return this == ALL || silentMonitoring;
    }
}
