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

@Entity
@Table(name = "participant")
public class ParticipantEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "left_at")
    public Instant leftAt;

    @Embeddable
    public record Key(@Column(name = "interaction_id") UUID interactionId,
                      @Enumerated(EnumType.STRING) @Column(name = "role") ParticipantRole role,
                      @Column(name = "participant_id") String participantId) implements Serializable {
    }
}
