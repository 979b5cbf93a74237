package cc.monitoring.interaction.persistence;

import cc.monitoring.contracts.interaction.ParticipantRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One stint of someone on an interaction; {@code position} is the order of joining, from 1. */
@Entity
@Table(name = "participant")
public class ParticipantEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "participant_id", nullable = false)
    public String participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "left_at")
    public Instant leftAt;

    @Embeddable
    public record Key(@Column(name = "interaction_id") UUID interactionId, @Column(name = "position") int position)
            implements Serializable {
    }
}
