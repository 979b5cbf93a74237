package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/**
 * The caller has a live monitoring session on this conversation: nobody who monitors writes into it, whatever
 * their role (B35).
 */
public final class MonitorMayNotWriteException extends DomainException {
    public static final String TYPE = "monitor-may-not-write";

    public MonitorMayNotWriteException() {
        super(Kind.FORBIDDEN, TYPE, "Monitors may not write", "You are monitoring this conversation: a monitor reads "
                + "it but never writes into it (post, join, leave, end); end the monitoring session first");
    }
}
