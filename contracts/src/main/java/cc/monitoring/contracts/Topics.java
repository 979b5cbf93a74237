package cc.monitoring.contracts;

/** Kafka topic names. One topic per aggregate; records are keyed by the aggregate id. */
public final class Topics {

    /** Compacted; key = {@code tenantId/userId}; a user's full effective permissions and extensions. */
    public static final String PERMISSION_EVENTS = "permission-events";
    /** Key = interaction id. */
    public static final String INTERACTION_EVENTS = "interaction-events";
    /** Key = {@code tenantId/userId}; agent-desktop logins and logouts. */
    public static final String AGENT_PRESENCE = "agent-presence";
    /** Key = call id. Commands for the telephony gateway. */
    public static final String TELEPHONY_COMMANDS = "telephony-commands";
    /** Key = call id. Call and monitor-leg events reported by the telephony gateway. */
    public static final String TELEPHONY_EVENTS = "telephony-events";
    /** Key = interaction id. Monitoring session lifecycle. */
    public static final String MONITORING_EVENTS = "monitoring-events";
    /** Key = interaction id. How far each monitor has read a transcript (B11). */
    public static final String TRANSCRIPT_EVENTS = "transcript-events";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";
    private static final int PARTITIONS = 6;

    /** How a topic is created when it does not exist yet. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    /** Every topic of the system, with its dead-letter topic. */
    public static java.util.List<Spec> all() {
        java.util.List<Spec> specs = new java.util.ArrayList<>();
        for (String name : java.util.List.of(PERMISSION_EVENTS, INTERACTION_EVENTS, AGENT_PRESENCE,
                TELEPHONY_COMMANDS, TELEPHONY_EVENTS, MONITORING_EVENTS, TRANSCRIPT_EVENTS)) {
            boolean compacted = name.equals(PERMISSION_EVENTS) || name.equals(AGENT_PRESENCE);
            specs.add(new Spec(name, PARTITIONS, compacted));
            specs.add(new Spec(deadLetter(name), 1, false));
        }
        return specs;
    }

    private Topics() {
    }

    /** The dead-letter topic for records of {@code topic} that a consumer could not read. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Whether {@code topic} is a dead-letter topic ({@link #deadLetter}). */
    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    /** Key of records about one user of one tenant. */
    public static String userKey(String tenantId, String userId) {
        return tenantId + "/" + userId;
    }
}
