package cc.monitoring.interaction.domain;

import cc.monitoring.contracts.interaction.ParticipantRole;

import java.time.Instant;
import java.util.Objects;

/** Someone on an interaction: the agent or the customer, from when they joined until they left. */
public record Participant(String participantId, ParticipantRole role, String displayName, Instant joinedAt, Instant leftAt) {

    public Participant {
        Interaction.require(participantId, "participant id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
        displayName = Interaction.displayName(displayName, participantId);
    }

    public static Participant joined(String participantId, ParticipantRole role, String displayName, Instant at) {
        return new Participant(participantId, role, displayName, at, null);
    }

    public boolean present() {
        return leftAt == null;
    }

    Participant leaving(Instant at) {
        return new Participant(participantId, role, displayName, joinedAt, at.isBefore(joinedAt) ? joinedAt : at);
    }

    boolean sameAs(Participant other) {
        return role == other.role && participantId.equals(other.participantId);
    }
}
