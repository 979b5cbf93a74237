package cc.monitoring.interaction.domain;

import cc.monitoring.kit.problem.DomainException;

/**
 * The caller may not deliver conversations (start, post, join, leave, end): only the channel platform's account,
 * whose role grants {@code HANDLE_CONVERSATIONS}, may. Monitors follow a conversation read-only (B30).
 */
public final class ConversationNotPermittedException extends DomainException {
    public static final String TYPE = "conversation-not-permitted";

    public ConversationNotPermittedException() {
        super(Kind.FORBIDDEN, TYPE, "Conversation not permitted", "Starting, posting into, joining, leaving or ending a "
                + "conversation needs the " + Grants.HANDLE_CONVERSATIONS + " permission (the channel platform's "
                + "account); a monitor reads the transcript but never posts to it");
    }
}
