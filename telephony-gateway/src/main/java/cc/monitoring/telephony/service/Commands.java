package cc.monitoring.telephony.service;

/** Checks on the fields of a command; a command that fails one can never be applied. */
final class Commands {

    private Commands() {
    }

    static void sameTenant(String envelopeTenant, String dataTenant) {
        if (dataTenant != null && !dataTenant.equals(envelopeTenant)) {
            throw new InvalidCommandException("the command's tenantId differs from its envelope's tenantid");
        }
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field + " is required");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidCommandException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
