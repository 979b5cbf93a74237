package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/** An id in a path that is longer than any id can be (or unprintable): refused before anything is looked up. */
public final class InvalidIdException extends DomainException {
    public static final String TYPE = "invalid-id";

    public InvalidIdException(String field) {
        super(Kind.INVALID, TYPE, "Invalid id", "'" + field + "' has 1 to " + Ids.MAX_LENGTH
                + " printable characters");
    }
}
