package cc.monitoring.interaction.domain;

/**
 * A flow of a tenant with its default settings. {@code silentMonitoring} is the B03 toggle: only
 * interactions that started while it was on can be monitored.
 */
public record Flow(String id, String name, boolean silentMonitoring) {

    static final int MAX_NAME = 200;

    public Flow {
        FlowId.check(id);
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidFlowException("A flow name has 1 to " + MAX_NAME + " characters");
        }
    }

    /**
     * The flow a call names before anyone configured it: named after its id, with the configured
     * default toggle (on unless configured otherwise: a new flow can be monitored).
     */
    public static Flow withDefaults(String id, boolean defaultSilentMonitoring) {
        return new Flow(FlowId.check(id), id, defaultSilentMonitoring);
    }

    /** A flow as an administrator sends it; a missing name falls back to the id, the toggle is required. */
    public static Flow configured(String id, String name, Boolean silentMonitoring) {
        FlowId.check(id);
        if (silentMonitoring == null) {
            throw new InvalidFlowException("Say whether the flow allows silent monitoring: \"silentMonitoring\": true or false");
        }
        if (name != null && name.trim().length() > MAX_NAME) {
            throw new InvalidFlowException("A flow name has at most " + MAX_NAME + " characters");
        }
        String trimmed = name == null || name.isBlank() ? id : name.trim();
        return new Flow(id, trimmed, silentMonitoring);
    }
}
