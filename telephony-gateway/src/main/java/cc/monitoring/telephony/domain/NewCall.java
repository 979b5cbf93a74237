package cc.monitoring.telephony.domain;

import java.util.regex.Pattern;

/**
 * A call to place: who talks to whom on which flow. Checked here, so that nothing half-valid
 * reaches the network or the events.
 */
public record NewCall(String flowId, String agentId, String agentName, String customerNumber) {

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 ().-]{2,30}");

    public static NewCall of(String flowId, String agentId, String agentName, String customerNumber) {
        String flow = required("flowId", flowId, 64);
        String agent = required("agentId", agentId, 64);
        String name = agentName == null || agentName.isBlank() ? agent : required("agentName", agentName, 200);
        String number = required("customerNumber", customerNumber, 32);
        if (!NUMBER.matcher(number).matches()) {
            throw new InvalidCallException("customerNumber must be a phone number, e.g. +14155550100");
        }
        return new NewCall(flow, agent, name, number);
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCallException(field + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new InvalidCallException(field + " has more than " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidCallException(field + " contains control characters");
        }
        return trimmed;
    }
}
