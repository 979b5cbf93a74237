package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/**
 * The caller may not read interactions (or their message text) here: the read API is for the channel platform
 * and administrators, not for monitors (B08, B34: monitors read through monitoring-service and transcript-service,
 * inside an audited monitoring session).
 */
public final class InteractionsNotPermittedException extends DomainException {
    public static final String TYPE = "interactions-not-permitted";

    public InteractionsNotPermittedException(String detail) {
        super(Kind.FORBIDDEN, TYPE, "Interactions not permitted", detail);
    }
}
