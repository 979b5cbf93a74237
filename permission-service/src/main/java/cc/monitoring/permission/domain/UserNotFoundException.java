package cc.monitoring.permission.domain;

import cc.monitoring.kit.problem.DomainException;

public final class UserNotFoundException extends DomainException {
    public UserNotFoundException(String subject) {
        super(Kind.NOT_FOUND, "user-not-found", "No such user", "No user " + subject);
    }
}
