package cc.monitoring.systemtest;

import java.util.Map;

/**
 * The services of the system under test, each run from its built {@code <module>/target/quarkus-app/quarkus-run.jar}.
 * Add a service with one line (e.g. {@code TRANSCRIPT("transcript-service", Map.of())}) and a build-order dependency
 * in the pom; every test class gets all of them, started {@code systemtest.parallelStarts} at a time.
 */
public enum Service {
    PERMISSION("permission-service", Map.of()),
    INTERACTION("interaction-service", Map.of()),
    TELEPHONY("telephony-gateway", Map.of(
            // the simulated provider, chosen explicitly (a production build has no default provider)
            "TELEPHONY_PROVIDER", "simulated",
            // legs answer quickly, NO_ANSWER gives up soon
            "TELEPHONY_SIMULATOR_ANSWER_DELAY", "100ms",
            "TELEPHONY_SIMULATOR_NO_ANSWER_TIMEOUT", "1s")),
    MONITORING("monitoring-service", Map.of()),
    /** Transcripts of digital interactions (B30, B31, B51) and read positions (B11). */
    TRANSCRIPT("transcript-service", Map.of());

    private final String module;
    private final Map<String, String> env;

    Service(String module, Map<String, String> env) {
        this.module = module;
        this.env = env;
    }

    /** The Maven module, also the name of its log file {@code target/logs/<module>.log}. */
    public String module() {
        return module;
    }

    /** Environment this service needs on top of the common one (Kafka, database, OIDC, port). */
    public Map<String, String> env() {
        return env;
    }
}
