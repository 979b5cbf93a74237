package cc.monitoring.telephony.domain;

import cc.monitoring.kit.problem.DomainException;

/** An id in a path or body that cannot be one: empty or longer than {@value #MAX_LENGTH} characters. */
public final class InvalidIdException extends DomainException {

    public static final int MAX_LENGTH = 64;

    public InvalidIdException(String field) {
        super(Kind.INVALID, "invalid-id", "Invalid id", field + " has 1 to " + MAX_LENGTH + " characters");
    }

    /** The id itself, if it can be one. */
    public static String check(String field, String id) {
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw new InvalidIdException(field);
        }
        return id;
    }
}
