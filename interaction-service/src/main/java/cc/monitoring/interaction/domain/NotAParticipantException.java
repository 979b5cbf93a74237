package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.ParticipantRole;
import cc.monitoring.kit.problem.DomainException;

/** Only someone present on a conversation posts to it or leaves it. */
public final class NotAParticipantException extends DomainException {
    public NotAParticipantException(String interactionId, ParticipantRole role, String participantId) {
        super(Kind.CONFLICT, "not-a-participant", "Not a participant",
                "No " + role.name().toLowerCase(java.util.Locale.ROOT) + " " + FlowId.printable(participantId)
                        + " is present on interaction " + interactionId);
    }
}
