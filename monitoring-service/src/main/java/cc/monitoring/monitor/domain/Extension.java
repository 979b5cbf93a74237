package cc.monitoring.monitor.domain;

/** One of a supervisor's extensions, as permission-service published it. */
public record Extension(String label, String kind, String address) {
}
